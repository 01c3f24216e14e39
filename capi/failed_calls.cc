#include "failed_calls.h"

#include <algorithm>
#include <deque>
#include <mutex>
#include <utility>

namespace fives::capi {
namespace {

struct Kept {
  const void* first_argument;
  FailedCall failure;
};

// Oldest first. A lock and a scan of at most kMaxFailedCalls entries, only
// when a call fails or a host takes a failure: successful calls never come
// here.
std::mutex& KeepMutex() {
  static std::mutex* mutex = new std::mutex;
  return *mutex;
}
std::deque<Kept>& AllKept() {
  static auto* kept = new std::deque<Kept>;
  return *kept;
}

std::deque<Kept>::iterator Find(std::deque<Kept>& kept,
                                const void* first_argument) {
  return std::find_if(kept.begin(), kept.end(), [&](const Kept& k) {
    return k.first_argument == first_argument;
  });
}

}  // namespace

void KeepFailure(const void* first_argument,
                 const FailedCall& failure) noexcept {
  try {
    Kept entry{first_argument, failure};
    std::lock_guard<std::mutex> lock(KeepMutex());
    std::deque<Kept>& kept = AllKept();
    if (auto it = Find(kept, first_argument); it != kept.end()) kept.erase(it);
    kept.push_back(std::move(entry));
    if (kept.size() > static_cast<size_t>(kMaxFailedCalls)) kept.pop_front();
  } catch (...) {
    // Out of memory: the failure stays on the calling thread only.
  }
}

absl::Status TakeFailure(
    const void* first_argument,
    absl::FunctionRef<absl::Status(const FailedCall&)> use) {
  std::lock_guard<std::mutex> lock(KeepMutex());
  std::deque<Kept>& kept = AllKept();
  auto it = Find(kept, first_argument);
  if (it == kept.end()) {
    return absl::NotFoundError(
        "first_argument: no failed call's message is kept under it");
  }
  absl::Status s = use(it->failure);
  if (s.ok()) kept.erase(it);
  return s;
}

}  // namespace fives::capi

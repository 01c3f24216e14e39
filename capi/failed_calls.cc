#include "failed_calls.h"

#include <algorithm>
#include <deque>
#include <mutex>
#include <utility>

namespace fives::capi {
namespace {

struct Failure {
  const void* first_argument;
  std::string message;
};

// Oldest first. A lock and a scan of at most kMaxFailedCalls entries, only
// when a call fails or a host takes a message: successful calls never come
// here.
std::mutex& KeepMutex() {
  static std::mutex* mutex = new std::mutex;
  return *mutex;
}
std::deque<Failure>& Kept() {
  static auto* kept = new std::deque<Failure>;
  return *kept;
}

std::deque<Failure>::iterator Find(std::deque<Failure>& kept,
                                   const void* first_argument) {
  return std::find_if(kept.begin(), kept.end(), [&](const Failure& f) {
    return f.first_argument == first_argument;
  });
}

}  // namespace

void KeepFailure(const void* first_argument,
                 const std::string& message) noexcept {
  try {
    Failure failure{first_argument, message};
    std::lock_guard<std::mutex> lock(KeepMutex());
    std::deque<Failure>& kept = Kept();
    if (auto it = Find(kept, first_argument); it != kept.end()) kept.erase(it);
    kept.push_back(std::move(failure));
    if (kept.size() > static_cast<size_t>(kMaxFailedCalls)) kept.pop_front();
  } catch (...) {
    // Out of memory: the message stays on the calling thread only.
  }
}

std::optional<std::string> TakeFailure(const void* first_argument) {
  std::lock_guard<std::mutex> lock(KeepMutex());
  std::deque<Failure>& kept = Kept();
  auto it = Find(kept, first_argument);
  if (it == kept.end()) return std::nullopt;
  std::string message = std::move(it->message);
  kept.erase(it);
  return message;
}

}  // namespace fives::capi

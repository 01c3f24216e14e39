// Running independent pieces of work on several threads, for the library's
// own loops (journals to partials, the pillars of a rollup).
#ifndef FIVES_LIB_PARALLEL_FOR_H_
#define FIVES_LIB_PARALLEL_FOR_H_

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace fives {

// Runs `work(i)` for every i in [0, count), each once, on up to `threads`
// threads (0: one per core), the calling thread among them. Returns when
// all are done. Threads are started with pthread_create so that a thread
// the system refuses (too many threads, no memory) is no error: the threads
// that did start, at least the caller, do its share.
template <typename Work>
void ParallelFor(size_t count, int threads, const Work& work) {
  size_t workers = threads > 0
                       ? static_cast<size_t>(threads)
                       : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min(workers, count);
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  struct Shared {
    const Work* work;
    size_t count;
    std::atomic<size_t> next{0};
    void Run() {
      for (size_t i = next++; i < count; i = next++) (*work)(i);
    }
  } shared;
  shared.work = &work;
  shared.count = count;
  auto run = [](void* arg) -> void* {
    static_cast<Shared*>(arg)->Run();
    return nullptr;
  };
  std::vector<pthread_t> started;
  for (size_t w = 1; w < workers; ++w) {
    pthread_t thread;
    if (pthread_create(&thread, nullptr, run, &shared) != 0) break;
    started.push_back(thread);
  }
  shared.Run();
  for (pthread_t thread : started) pthread_join(thread, nullptr);
}

// Runs `work(piece, begin, end)` for [0, count) cut into `pieces` ranges
// [begin, end) of about equal length, as ParallelFor does.
template <typename Work>
void ParallelForRanges(size_t count, size_t pieces, int threads,
                       const Work& work) {
  pieces = std::max<size_t>(1, std::min(pieces, count));
  ParallelFor(pieces, threads, [&](size_t k) {
    work(k, count * k / pieces, count * (k + 1) / pieces);
  });
}

}  // namespace fives

#endif  // FIVES_LIB_PARALLEL_FOR_H_

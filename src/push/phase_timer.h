// Phase timings for performance work: with DP_TIMINGS set in the environment, each Mark
// prints "timing: <phase> <ms>" (time since the previous mark) to stderr; otherwise it
// does nothing. Not part of any output format.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace dp::push {

/// Prints the time between consecutive marks when DP_TIMINGS is set.
class PhaseTimer {
 public:
  PhaseTimer() : enabled_(std::getenv("DP_TIMINGS") != nullptr), last_(std::chrono::steady_clock::now()) {}

  /// Ends the phase `name` (started by the previous mark or the constructor).
  void Mark(const char* name) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "timing: %-18s %8.2f ms\n", name,
                 std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace dp::push

// Programmer-error checks. User input must never trigger these (DuckDB's rule).
#pragma once

#include <cstdio>
#include <cstdlib>

#define DP_ASSERT(cond, why)                                                          \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "internal error: %s:%d: %s (%s)\n", __FILE__, __LINE__, why, #cond); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

#define DP_UNREACHABLE()                                                              \
  do {                                                                                \
    std::fprintf(stderr, "internal error: %s:%d: unreachable\n", __FILE__, __LINE__); \
    std::abort();                                                                     \
  } while (0)

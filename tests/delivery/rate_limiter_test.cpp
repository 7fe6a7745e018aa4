#include "delivery/rate_limiter.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

using namespace std::chrono_literals;

const Instant k_start = parse_rfc3339("2026-11-23T10:00:00Z").value();

TEST(RateLimiter, ABurstUpToTheCountPassesThenWaitsForTheRefill) {
  RateLimiter limiter;
  limiter.limit("chat", Rate{2, 10s});
  EXPECT_TRUE(limiter.try_take("chat", k_start));
  EXPECT_TRUE(limiter.try_take("chat", k_start));
  EXPECT_FALSE(limiter.try_take("chat", k_start));
  EXPECT_EQ(limiter.next_token_at(), k_start + 5s);  // 2 per 10 s: one token every 5 s
  EXPECT_FALSE(limiter.try_take("chat", k_start + 4s));
  EXPECT_TRUE(limiter.try_take("chat", k_start + 5s));
  EXPECT_EQ(limiter.next_token_at(), std::nullopt);  // nothing is held back now
}

TEST(RateLimiter, NamesWithoutALimitAlwaysPass) {
  RateLimiter limiter;
  limiter.limit("slack", Rate{1, 1s});
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limiter.try_take("email", k_start));
}

TEST(RateLimiter, IdleTimeRefillsNoMoreThanTheCount) {
  RateLimiter limiter;
  limiter.limit("slack", Rate{1, 1s});
  EXPECT_TRUE(limiter.try_take("slack", k_start));
  EXPECT_TRUE(limiter.try_take("slack", k_start + 1h));
  EXPECT_FALSE(limiter.try_take("slack", k_start + 1h));
}

}  // namespace
}  // namespace touchbase

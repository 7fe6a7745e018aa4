#include "daemon/outbox_dispatcher.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

using namespace std::chrono_literals;

TEST(RetryDelay, DoublesFromTheFirstDelayWithAtMostAFifthOfJitter) {
  std::mt19937 random(42);
  for (int attempt = 1; attempt <= 5; ++attempt) {
    Seconds base = k_first_retry_delay * (1 << (attempt - 1));
    for (int i = 0; i < 100; ++i) {
      Seconds d = retry_delay(attempt, std::nullopt, random);
      EXPECT_GE(d, base);
      EXPECT_LE(d, base + base / 5);
    }
  }
}

TEST(RetryDelay, IsCappedAndHonoursRetryAfter) {
  std::mt19937 random(7);
  EXPECT_LE(retry_delay(40, std::nullopt, random), k_max_retry_delay + k_max_retry_delay / 5);
  EXPECT_EQ(retry_delay(1, 2h, random), 2h);
}

}  // namespace
}  // namespace touchbase

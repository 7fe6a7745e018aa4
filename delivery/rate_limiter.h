#pragma once
// Keeps each notifier to its rate, so a burst of reminders queues politely
// instead of collecting 429s: a token bucket per notifier holding up to
// `count` tokens, refilled at `count` per `per`.
//
// Not thread-safe: used from the event loop.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace touchbase {

class RateLimiter {
 public:
  // Limits `name` to `rate`; names never limited always pass.
  void limit(std::string name, Rate rate);
  // Takes a token for `name` at `now`; false when none is left.
  bool try_take(std::string_view name, Instant now);
  // The earliest instant a refused name has a token again.
  std::optional<Instant> next_token_at() const;

 private:
  struct Bucket {
    Rate rate;
    double tokens = 0;
    Instant refilled_at{};
    bool refused = false;
  };
  static void refill(Bucket& b, Instant now);

  std::map<std::string, Bucket, std::less<>> buckets_;
};

}  // namespace touchbase

#pragma once
// All code reads the time through a Clock, so tests can set and advance it.

#include <atomic>

#include "core/time.h"

namespace touchbase {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

// The wall clock.
class SystemClock final : public Clock {
 public:
  Instant now() const override { return std::chrono::floor<Seconds>(std::chrono::system_clock::now()); }
};

// A clock that moves only when told to. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Instant start) : now_(start.time_since_epoch().count()) {}
  Instant now() const override { return Instant(Seconds(now_.load())); }
  void set(Instant t) { now_ = t.time_since_epoch().count(); }
  void advance(Seconds d) { now_ += d.count(); }

 private:
  std::atomic<Seconds::rep> now_;
};

}  // namespace touchbase

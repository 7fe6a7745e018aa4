#pragma once
// Noticing that the wall clock was set (an NTP step, a manual change, a
// resume that corrected the time) as soon as it happens: a timerfd on
// CLOCK_REALTIME armed far ahead with TFD_TIMER_CANCEL_ON_SET, whose read
// fails with ECANCELED whenever the clock is set discontinuously. Gradual
// adjustments (NTP slewing) do not count.
//
// Confined to the io_context's thread.

#include <functional>
#include <memory>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include "core/result.h"

namespace touchbase {

class WallClockWatch {
 public:
  // Calls `on_jump` on the io_context after each discontinuous change of the
  // wall clock, until the watch is destroyed. `io` must outlive the watch.
  static Result<std::unique_ptr<WallClockWatch>> open(boost::asio::io_context& io, std::function<void()> on_jump);

  WallClockWatch(const WallClockWatch&) = delete;
  WallClockWatch& operator=(const WallClockWatch&) = delete;

 private:
  WallClockWatch(boost::asio::io_context& io, int fd, std::function<void()> on_jump);
  Status arm();
  void wait();

  boost::asio::posix::stream_descriptor timer_;
  std::function<void()> on_jump_;
};

}  // namespace touchbase

#include "service/wall_clock_watch.h"

#include <sys/timerfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include <spdlog/spdlog.h>

namespace touchbase {
namespace {

// The timer itself never needs to fire, only its cancellation matters: 2106,
// well within what the kernel's timers can hold.
constexpr time_t k_far_ahead_seconds = time_t{1} << 32;

Error system_error(std::string_view what) {
  return Error::io(std::string(what) + ": " + std::strerror(errno));
}

}  // namespace

Result<std::unique_ptr<WallClockWatch>> WallClockWatch::open(boost::asio::io_context& io,
                                                             std::function<void()> on_jump) {
  int fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (fd < 0) return system_error("cannot watch the wall clock (timerfd_create)");
  std::unique_ptr<WallClockWatch> watch(new WallClockWatch(io, fd, std::move(on_jump)));
  TB_TRY_STATUS(watch->arm());
  watch->wait();
  return watch;
}

WallClockWatch::WallClockWatch(boost::asio::io_context& io, int fd, std::function<void()> on_jump)
    : timer_(io, fd), on_jump_(std::move(on_jump)) {}

Status WallClockWatch::arm() {
  itimerspec spec{};
  spec.it_value.tv_sec = k_far_ahead_seconds;
  if (timerfd_settime(timer_.native_handle(), TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, nullptr) != 0) {
    return system_error("cannot watch the wall clock (timerfd_settime)");
  }
  return {};
}

void WallClockWatch::wait() {
  timer_.async_wait(boost::asio::posix::stream_descriptor::wait_read, [this](const boost::system::error_code& ec) {
    if (ec) return;  // destroyed
    std::uint64_t expirations = 0;
    bool jumped = ::read(timer_.native_handle(), &expirations, sizeof expirations) < 0 && errno == ECANCELED;
    // A cancelled timer stays cancelled until it is set again.
    if (auto armed = arm(); !armed) {
      spdlog::error("{}; wall-clock jumps are noticed within 10 minutes only", armed.error().message);
      return;
    }
    if (jumped) on_jump_();
    wait();
  });
}

}  // namespace touchbase

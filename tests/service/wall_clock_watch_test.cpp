// Setting the wall clock (here: to the time it already shows, so nothing
// else on the machine notices) wakes the watch at once.

#include "service/wall_clock_watch.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

namespace touchbase {
namespace {

TEST(WallClockWatch, SettingTheClockCallsBackAtOnceAndAgainAfterASecondSet) {
  boost::asio::io_context io;
  int jumps = 0;
  auto watch = WallClockWatch::open(io, [&] { ++jumps; });
  ASSERT_TRUE(watch.ok()) << watch.error().message;
  io.run_for(std::chrono::milliseconds(50));
  EXPECT_EQ(jumps, 0) << "no jump without a set";

  for (int expected = 1; expected <= 2; ++expected) {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    if (clock_settime(CLOCK_REALTIME, &now) != 0) {
      GTEST_SKIP() << "cannot set the clock here (" << std::strerror(errno) << "): needs CAP_SYS_TIME";
    }
    for (int i = 0; i < 100 && jumps < expected; ++i) io.run_for(std::chrono::milliseconds(20));
    EXPECT_EQ(jumps, expected);
  }
}

}  // namespace
}  // namespace touchbase

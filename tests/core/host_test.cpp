// Which hosts a plain-text protocol may be spoken to.

#include "core/host.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

TEST(IsLoopbackHost, RecognisesLocalhostAnd127SlashEightAndIpv6) {
  EXPECT_TRUE(is_loopback_host("localhost"));
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("127.10.20.30"));
  EXPECT_TRUE(is_loopback_host("::1"));
  EXPECT_FALSE(is_loopback_host("127.example.com"));
  EXPECT_FALSE(is_loopback_host("10.0.0.1"));
  EXPECT_FALSE(is_loopback_host("smtp.example.com"));
}

}  // namespace
}  // namespace touchbase

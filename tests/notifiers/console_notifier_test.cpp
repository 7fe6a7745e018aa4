#include "notifiers/console_notifier.h"

#include <gtest/gtest.h>

#include <sstream>

#include "notifiers/render_text.h"
#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

TEST(ConsoleNotifier, WritesTheTextRendering) {
  std::ostringstream out;
  ConsoleNotifier notifier(out);
  std::optional<DeliveryResult> result;
  notifier.deliver(testing::sample_message(), [&](DeliveryResult r) { result = std::move(r); });
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->ok());
  EXPECT_EQ(out.str(), "── " + render_text(testing::sample_message()) + "\n");
}

TEST(ConsoleNotifier, AFailedStreamIsATransientFailure) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  ConsoleNotifier notifier(out);
  std::optional<DeliveryResult> result;
  notifier.deliver(testing::sample_message(), [&](DeliveryResult r) { result = std::move(r); });
  ASSERT_TRUE(result.has_value());
  ASSERT_FALSE(result->ok());
  EXPECT_TRUE(result->error().is_transient());
}

}  // namespace
}  // namespace touchbase

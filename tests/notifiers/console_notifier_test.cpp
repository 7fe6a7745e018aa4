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

TEST(ConsoleNotifier, ControlCharactersInContactDataAreShownEscapedNeverRaw) {
  std::ostringstream out;
  ConsoleNotifier notifier(out);
  auto m = testing::sample_message();
  m.contact_name =
      "Jane\x1B]0;owned\x07 \xC2\x9B"
      "2J\rDoe \xFF";
  notifier.deliver(m, [](DeliveryResult) {});
  const std::string text = out.str();
  EXPECT_NE(text.find("Follow up with Jane\\x1B]0;owned\\x07 \\u009B2J\\x0DDoe \xEF\xBF\xBD (Acme"), std::string::npos)
      << text;
  EXPECT_EQ(text.find('\x1B'), std::string::npos);
  EXPECT_NE(
      text.find(
          "\nLog it:        touchbase log jane-doe --outcome touched (or --outcome replied, meeting or no-answer)\n"),
      std::string::npos)
      << "line feeds between the lines stay: " << text;
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

TEST(ConsoleNotifier, PrintsTheActionLinksAsLines) {
  std::ostringstream out;
  ConsoleNotifier notifier(out);
  notifier.deliver(testing::sample_message_with_actions(), [](DeliveryResult) {});
  const std::string text = out.str();
  EXPECT_NE(text.find("\nIn one click:\n  Touched: " + testing::sample_action_url("touched") + "\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\n  Today's follow-ups: " + testing::sample_action_url("today") + "\n"), std::string::npos);
}

}  // namespace
}  // namespace touchbase

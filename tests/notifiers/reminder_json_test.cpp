#include "notifiers/reminder_json.h"

#include <gtest/gtest.h>

#include "notifiers/render_text.h"
#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

TEST(ReminderJson, CarriesEveryFieldUnderItsOwnNameAndTheText) {
  const auto m = testing::sample_message();
  const auto j = reminder_json(m);
  EXPECT_EQ(j.size(), 16u);
  EXPECT_EQ(j["headline"], render_headline(m));
  EXPECT_EQ(j["contact_id"], "jane-doe");
  EXPECT_EQ(j["talking_point_link"], "https://example.com/benchmark");
  EXPECT_EQ(j["log_command"], "touchbase log jane-doe --outcome touched");
  EXPECT_EQ(j["text"], render_text(m));
}

TEST(DumpJson, InvalidUtf8InContactDataIsReplacedInsteadOfThrowing) {
  auto m = testing::sample_message();
  m.contact_name = "J\xFCrgen";  // Latin-1, not UTF-8
  std::string text;
  ASSERT_NO_THROW(text = dump_json(reminder_json(m)));
  EXPECT_NE(text.find("\"contact_name\":\"J\xEF\xBF\xBDrgen\""), std::string::npos) << text;
}

}  // namespace
}  // namespace touchbase

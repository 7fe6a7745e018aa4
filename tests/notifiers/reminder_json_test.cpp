#include "notifiers/reminder_json.h"

#include <gtest/gtest.h>

#include "notifiers/render_text.h"
#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

// What reminder_json wrote before it was written by hand: nlohmann's tree.
nlohmann::json expected_json(const ReminderMessage& m) {
  nlohmann::json j = nlohmann::json::object();
  j["idempotency_key"] = m.idempotency_key;
  for (const auto& [name, field] : k_message_texts) j[name] = m.*field;
  j["headline"] = render_headline(m);
  j["late"] = m.late;
  j["text"] = render_text(m);
  return j;
}

TEST(ReminderJson, CarriesEveryFieldUnderItsOwnNameAndTheText) {
  auto m = testing::sample_message();
  m.late = true;
  const auto j = nlohmann::json::parse(reminder_json(m));
  EXPECT_EQ(j, expected_json(m));
  EXPECT_EQ(j.size(), 16u);
  EXPECT_EQ(j["headline"], render_headline(m));
  EXPECT_EQ(j["contact_id"], "jane-doe");
  EXPECT_EQ(j["talking_point_link"], "https://example.com/benchmark");
  EXPECT_EQ(j["log_command"], "touchbase log jane-doe --outcome touched");
  EXPECT_EQ(j["text"], render_text(m));
  EXPECT_EQ(j["late"], true);
}

TEST(ReminderJson, InvalidUtf8InContactDataIsReplacedInsteadOfThrowing) {
  auto m = testing::sample_message();
  m.contact_name = "J\xFCrgen";  // Latin-1, not UTF-8
  std::string text;
  ASSERT_NO_THROW(text = reminder_json(m));
  EXPECT_NE(text.find("\"contact_name\":\"J\xEF\xBF\xBDrgen\""), std::string::npos) << text;
  EXPECT_TRUE(nlohmann::json::accept(text));
}

}  // namespace
}  // namespace touchbase

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

TEST(ReminderJson, ActionsAreAnObjectFromNameToUrlBesideTheText) {
  const auto m = testing::sample_message_with_actions();
  const auto j = nlohmann::json::parse(reminder_json(m));
  ASSERT_TRUE(j.contains("actions"));
  EXPECT_EQ(j.size(), 17u);
  nlohmann::json expected = nlohmann::json::object();
  for (const ActionLink& link : testing::sample_actions()) expected[link.name] = link.url;
  EXPECT_EQ(j["actions"], expected);
  EXPECT_EQ(j["text"], render_text(m));
  auto without_actions = j;
  without_actions.erase("actions");
  EXPECT_EQ(without_actions, expected_json(m));
}

TEST(ReminderJson, NoActionsMeansNoActionsMember) {
  EXPECT_FALSE(nlohmann::json::parse(reminder_json(testing::sample_message())).contains("actions"));
}

TEST(ReminderJson, ActionUrlsAreWrittenAsGivenAndEscapedAsJson) {
  auto m = testing::sample_message();
  m.actions = {{"touched", "Touched", "https://t.example/a?q=\"x\"\\"},
               {"touched", "Touched again", "https://t.example/second"},
               {"odd \"name\"", "Odd", "javascript:alert(1)"}};
  const auto j = nlohmann::json::parse(reminder_json(m));
  EXPECT_EQ(j["actions"],
            (nlohmann::json{{"touched", "https://t.example/a?q=\"x\"\\"}, {"odd \"name\"", "javascript:alert(1)"}}))
      << "a name's first link only, and the URL as given: a consumer checks it";
}

}  // namespace
}  // namespace touchbase

// A contact and its stored history as the bytes the follow-up stream keeps on
// disk: every field comes back, and bytes that are not a whole record are an
// error, not a contact.

#include "reminders/contact_record.h"

#include <gtest/gtest.h>

#include "tests/scheduler/random_world.h"

namespace touchbase {
namespace {

using namespace std::chrono_literals;

const Instant k_now = parse_rfc3339("2026-11-23T09:30:00Z").value();

Contact every_field() {
  Contact c;
  c.id = "jane";
  c.name = "Jane Doe";
  c.email = "jane@example.com";
  c.phone = "+1 555 0100";
  c.company = "Acme";
  c.title = "VP Sales";
  c.owner = "alice";
  c.timezone = "America/New_York";
  c.region = "US-NY";
  c.window = WeeklyWindow{DaySet{0b0111110}, {HourRange{540, 720}, HourRange{780, 1020}}};
  c.cadence = "prospect";
  c.stage = "demo";
  c.tags = {"enterprise", "", "emea"};
  c.value = -12.5;
  c.status = ContactStatus::closed_lost;
  c.paused_until = k_now + 24h;
  c.last_touch = k_now - 24h * 40;
  c.cadence_since = k_now - 24h * 3;
  c.next_step = NextStep{"send the\ncontract", Date(date::year(1969) / 12 / 31)};
  c.notes = std::string("binary \0 bytes", 14);
  return c;
}

Reminder a_reminder() {
  Reminder r;
  r.id = 42;
  r.contact_id = "jane";
  r.owner = "alice";
  r.cadence = "prospect";
  r.step = 3;
  r.due_at = k_now - 1h;
  r.remind_at = k_now - 2h;
  r.talking_point = "q4";
  r.why = "3rd touch";
  r.late = true;
  r.created_at = k_now - 90min;
  return r;
}

std::string fields_of(const Reminder& r) {
  return std::to_string(r.id) + " " + r.contact_id + " " + r.owner + " " + r.cadence + " " + std::to_string(r.step) +
         " " + format_rfc3339(r.due_at) + " " + format_rfc3339(r.remind_at) + " " + r.talking_point + " " + r.why +
         (r.late ? " late " : " ") + format_rfc3339(r.created_at);
}

TEST(ContactRecord, EveryFieldOfTheContactAndItsHistoryComesBack) {
  const Contact c = every_field();
  const std::vector<Touch> touches = {Touch{k_now - 24h, Outcome::meeting, "lunch", "q4"},
                                      Touch{k_now - 1h, Outcome::no_answer, "", ""}};
  const std::vector<Reminder> reminders = {a_reminder()};
  const std::vector<std::string> used = {"q4", "pricing"};
  const std::string bytes = encode_contact(c, StoredHistory{touches, reminders, used});

  std::vector<Contact> contacts;
  ContactHistories histories;
  ASSERT_TRUE(decode_contact(bytes, contacts, histories));
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0], c);
  EXPECT_EQ(histories.touches["jane"], touches);
  ASSERT_EQ(histories.reminders["jane"].size(), 1u);
  EXPECT_EQ(fields_of(histories.reminders["jane"][0]), fields_of(reminders[0]));
  EXPECT_EQ(histories.used_talking_points["jane"], used);
}

TEST(ContactRecord, RandomContactsWithoutHistoryComeBackAndLeaveTheHistoriesEmpty) {
  testing::World w = testing::WorldMaker(11).make(200, k_now);
  std::vector<Contact> contacts;
  ContactHistories histories;
  for (const PlanContact& pc : w.contacts)
    ASSERT_TRUE(decode_contact(encode_contact(pc.contact, {}), contacts, histories));
  ASSERT_EQ(contacts.size(), w.contacts.size());
  for (std::size_t i = 0; i < contacts.size(); ++i) EXPECT_EQ(contacts[i], w.contacts[i].contact);
  EXPECT_TRUE(histories.touches.empty());
  EXPECT_TRUE(histories.reminders.empty());
  EXPECT_TRUE(histories.used_talking_points.empty());
}

TEST(ContactRecord, BytesCutShortOrWithMoreAfterThemAreAnIoError) {
  const std::string bytes = encode_contact(every_field(), {});
  for (std::size_t size : {std::size_t{0}, std::size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
    std::vector<Contact> contacts;
    ContactHistories histories;
    Status decoded = decode_contact(std::string_view(bytes).substr(0, size), contacts, histories);
    ASSERT_FALSE(decoded) << size;
    EXPECT_EQ(decoded.error().code, Errc::io);
    EXPECT_TRUE(contacts.empty());
  }
  std::vector<Contact> contacts;
  ContactHistories histories;
  Status longer = decode_contact(bytes + "x", contacts, histories);
  ASSERT_FALSE(longer);
  EXPECT_EQ(longer.error().message, "a temporary record of contact 'jane' does not read back whole");
}

}  // namespace
}  // namespace touchbase

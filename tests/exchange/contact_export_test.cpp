// An export imports back to the same contacts, state and all.
#include "exchange/contact_export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/utf8.h"
#include "exchange/contact_import.h"
#include "exchange/json_records.h"

namespace touchbase {
namespace {

using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using ::testing::StartsWith;

Instant at(std::string_view text) {
  return parse_rfc3339(text).value();
}

std::vector<Contact> sample_contacts() {
  Contact full;
  full.id = "jane";
  full.name = "Jäne \"JD\" Doe";
  full.email = "jane@acme.example";
  full.phone = "+49 30 1234";
  full.company = "Acme, GmbH";
  full.title = "CTO";
  full.owner = "alice";
  full.timezone = "Europe/Berlin";
  full.region = "DE-BE";
  full.window = *parse_window("tue,thu 09:00-10:00,16:00-17:30");
  full.cadence = "prospect";
  full.stage = "proposal";
  full.tags = {"fintech", "saas", "emea west"};
  full.value = 12500.75;
  full.status = ContactStatus::paused;
  full.paused_until = at("2026-12-01T09:00:00Z");
  full.last_touch = at("2026-11-03T15:30:00Z");
  full.cadence_since = at("2026-10-01T00:00:00Z");
  full.bounced_at = at("2026-11-04T08:00:00Z");
  full.next_step = {"send the deck; then call", *parse_date("2026-11-20")};
  full.notes = " Met at the meetup, \"great\" lead.\r\nPrefers calls; no Mondays. ";

  Contact bare;
  bare.id = "bob";
  bare.name = "Bob";

  Contact closed;
  closed.id = "c-3";
  closed.name = "Cara";
  closed.value = 1e15 + 0.5;
  closed.status = ContactStatus::closed_lost;
  return {full, bare, closed};
}

TEST(ExportCsv, WritesTheHeaderThenOneRowPerContact) {
  auto csv = export_csv(sample_contacts());
  EXPECT_THAT(
      csv,
      StartsWith("id,name,email,phone,company,title,owner,timezone,region,window,cadence,stage,tags,"
                 "value,last_touch,notes,status,paused_until,cadence_since,next_step,next_step_date,bounced_at\n"));
  EXPECT_THAT(csv,
              ::testing::HasSubstr(",CTO,alice,Europe/Berlin,DE-BE,\"tue,thu 09:00-10:00,16:00-17:30\",prospect,"));
  EXPECT_THAT(csv, ::testing::HasSubstr("\nbob,Bob,,,,,,,,,,,,0,,,active,,,,,\n"));
}

TEST(ExportCsv, ImportsBackToTheSameContacts) {
  auto contacts = sample_contacts();
  ImportResult back = import_contacts(export_csv(contacts), ImportRules{});
  ASSERT_THAT(back.errors, IsEmpty());
  EXPECT_THAT(back.contacts, ElementsAreArray(contacts));
}

TEST(ExportCsv, CellsASpreadsheetWouldRunAsFormulasAreInertAndImportBackUnchanged) {
  Contact c;
  c.id = "mallory";
  c.name = "=HYPERLINK(\"http://attacker.example\",\"click\")";
  c.company = "@SUM(1+1)";
  c.phone = "+1 555 0100";
  c.title = "-2+3";
  c.notes = "'=already quoted";
  const std::string csv = export_csv(std::vector<Contact>{c});
  EXPECT_THAT(csv, ::testing::HasSubstr("\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"click\"\")\""));
  EXPECT_THAT(csv, ::testing::HasSubstr(",'@SUM(1+1),"));
  EXPECT_THAT(csv, ::testing::HasSubstr(",'+1 555 0100,"));
  EXPECT_THAT(csv, ::testing::HasSubstr(",'-2+3,"));
  EXPECT_THAT(csv, ::testing::HasSubstr(",''=already quoted,"));
  ImportResult back = import_contacts(csv, ImportRules{});
  ASSERT_THAT(back.errors, IsEmpty());
  ASSERT_EQ(back.contacts.size(), 1u);
  EXPECT_EQ(back.contacts.front(), c);
}

TEST(ExportCsv, BytesThatAreNotUtf8BecomeReplacementCharactersSoTheFileImportsBack) {
  Contact c;
  c.id = "j\xFCrgen";
  c.name = "J\xFCrgen \x1B[1m";
  const std::string csv = export_csv(std::vector<Contact>{c});
  EXPECT_TRUE(is_utf8(csv));
  ImportResult back = import_contacts(csv, ImportRules{});
  ASSERT_THAT(back.errors, IsEmpty());
  ASSERT_EQ(back.contacts.size(), 1u);
  EXPECT_EQ(back.contacts.front().id, "j\uFFFDrgen");
  EXPECT_EQ(back.contacts.front().name, "J\uFFFDrgen \x1B[1m");  // data: a control character stays as it is
}

TEST(ExportJsonLines, ImportsBackToTheSameContacts) {
  auto contacts = sample_contacts();
  std::string json = export_json_lines(contacts);
  EXPECT_EQ(std::count(json.begin(), json.end(), '\n'), 3);
  auto records = read_json_records(json);
  ASSERT_TRUE(records.ok()) << records.error().message;
  ImportResult back = import_records(*records, ImportOptions{});
  ASSERT_THAT(back.errors, IsEmpty());
  EXPECT_THAT(back.contacts, ElementsAreArray(contacts));
}

TEST(ExportCsv, AnImportOverTheSameContactsChangesNothing) {
  // Given the export of stored contacts, importing it over them finds each by
  // its id and leaves it as it was.
  auto contacts = sample_contacts();
  ImportOptions options;
  options.existing = contacts;
  ImportResult back = import_contacts(export_csv(contacts), options);
  ASSERT_THAT(back.errors, IsEmpty());
  EXPECT_THAT(back.contacts, ElementsAreArray(contacts));
}

}  // namespace
}  // namespace touchbase

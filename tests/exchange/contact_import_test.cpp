#include "exchange/contact_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace touchbase {
namespace {

using ::testing::ElementsAre;

const ImportRules k_rules{{"alice", "bob"}, {"prospect", "nurture"}};

TEST(ImportContacts, EveryColumnLandsInItsField) {
  auto r = import_contacts(
      "id,name,email,phone,company,title,owner,timezone,window,cadence,stage,tags,value,last_touch,notes,crm_score\n"
      "jane,Jane Doe,jane@acme.example,+49 30 1234,Acme GmbH,CTO,alice,Europe/Berlin,tue-thu 16:00-17:30,"
      "prospect,proposal,\"fintech; saas\",12000.5,2026-11-20T15:00:00Z,\"likes, commas\",99\n",
      k_rules);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.contacts.size(), 1u);
  const Contact& c = r.contacts.front();
  EXPECT_EQ(c.id, "jane");
  EXPECT_EQ(c.name, "Jane Doe");
  EXPECT_EQ(c.email, "jane@acme.example");
  EXPECT_EQ(c.phone, "+49 30 1234");
  EXPECT_EQ(c.company, "Acme GmbH");
  EXPECT_EQ(c.title, "CTO");
  EXPECT_EQ(c.owner, "alice");
  EXPECT_EQ(c.timezone, "Europe/Berlin");
  EXPECT_EQ(format_window(*c.window), "tue-thu 16:00-17:30");
  EXPECT_EQ(c.cadence, "prospect");
  EXPECT_EQ(c.stage, "proposal");
  EXPECT_THAT(c.tags, ElementsAre("fintech", "saas"));
  EXPECT_DOUBLE_EQ(c.value, 12000.5);
  EXPECT_EQ(format_rfc3339(*c.last_touch), "2026-11-20T15:00:00Z");
  EXPECT_EQ(c.notes, "likes, commas");
}

TEST(ImportContacts, ARegionInAnyCaseIsStoredInCapitalsAndABadOneIsRefusedWithItsRow) {
  auto ok = import_contacts("id,name,region\njane,Jane,de-be\nbob,Bob,US\ncara,Cara,\n", k_rules);
  ASSERT_TRUE(ok.errors.empty()) << ok.errors.front();
  EXPECT_EQ(ok.contacts[0].region, "DE-BE");
  EXPECT_EQ(ok.contacts[1].region, "US");
  EXPECT_EQ(ok.contacts[2].region, "");

  auto bad = import_contacts("id,name,region\njane,Jane,Berlin\nbob,Bob,US-\n", k_rules);
  EXPECT_TRUE(bad.contacts.empty());
  EXPECT_THAT(bad.errors,
              ElementsAre("row 2, column 'region': 'Berlin' is not a region: expected an ISO 3166-2 code like US, "
                          "US-NY or DE-BE (a country's two letters, then optionally '-' and up to three letters or "
                          "digits)",
                          "row 3, column 'region': 'US-' is not a region: expected an ISO 3166-2 code like US, "
                          "US-NY or DE-BE (a country's two letters, then optionally '-' and up to three letters or "
                          "digits)"));
}

TEST(ImportContacts, ColumnsMayComeInAnyOrderAndOptionalOnesMayBeMissing) {
  auto r = import_contacts("Name,ID\nBob Smith,bob\n", k_rules);
  ASSERT_TRUE(r.errors.empty());
  EXPECT_EQ(r.contacts.front().id, "bob");
  EXPECT_EQ(r.contacts.front().name, "Bob Smith");
  EXPECT_FALSE(r.contacts.front().window.has_value());
}

TEST(ImportContacts, EveryBadRowIsReportedWithItsRowAndColumnAndNothingIsReturned) {
  auto r = import_contacts(
      "id,name,timezone,window,owner,cadence,value,last_touch\n"
      "ok,Fine Person,,,,,,\n"
      "z,Zed,Mars/Base,,,,,\n"
      "w,Wendy,,mon-fri 17:00-16:00,,,,\n"
      "o,Oscar,,,carol,,,\n"
      "c,Cara,,,,weekly,,\n"
      "v,Vic,,,,,lots,\n"
      "t,Tom,,,,,,last tuesday\n"
      "ok,Again,,,,,,\n"
      ",Nobody,,,,,,\n",
      k_rules);
  EXPECT_TRUE(r.contacts.empty());
  EXPECT_THAT(
      r.errors,
      ElementsAre(
          "row 3, column 'timezone': 'Mars/Base' is not a known IANA time zone: expected a name like "
          "America/New_York or Europe/Berlin",
          "row 4, column 'window': '17:00-16:00' is an empty hour range: the end must be after the start",
          "row 5, column 'owner': unknown owner 'carol': expected one of alice, bob",
          "row 6, column 'cadence': unknown cadence 'weekly': expected one of nurture, prospect",
          "row 7, column 'value': 'lots' is not a deal value: expected a number like 12000 or 4999.50",
          "row 8, column 'last_touch': 'last tuesday' is not an RFC 3339 time: expected like 2026-11-23T16:00:00Z "
          "or 2026-11-23T16:00:00+01:00",
          "row 9, column 'id': duplicate id 'ok': row 2 has it too",
          "row 10, column 'id': the id is empty: expected a unique id for the contact"));
}

TEST(ImportContacts, ACellThatIsNotUtf8IsRefusedWithItsRowAndColumnAndTheWayOut) {
  // A Windows-1252 export: "Jürgen" with ü as the one byte 0xFC.
  auto r = import_contacts("id,name,company,crm_notes\nok,Fine,Acme,\xFF ignored\njurgen,J\xFCrgen,M\xFCller AG,\n",
                           k_rules);
  EXPECT_THAT(r.contacts, ::testing::IsEmpty());
  EXPECT_THAT(r.errors, ElementsAre("row 3, column 'company': not UTF-8: save the file as UTF-8, or import it with "
                                    "--encoding windows-1252 (or its encoding)",
                                    "row 3, column 'name': not UTF-8: save the file as UTF-8, or import it with "
                                    "--encoding windows-1252 (or its encoding)"));
}

TEST(ImportContacts, AHeaderWithoutIdOrEmailIsRefused) {
  auto r = import_contacts("name,company\nJane,Acme\n", k_rules);
  EXPECT_THAT(r.errors, ElementsAre("row 1: no 'id' or 'email' column: the header must name one of them (and name, "
                                    "for new contacts)"));
}

TEST(ImportContacts, ANewContactNeedsAName) {
  auto r = import_contacts("email\nx@y.z\n", k_rules);
  EXPECT_THAT(r.errors, ElementsAre("row 2, column 'name': 'x@y.z' is a new contact and needs a name: the file has no "
                                    "name column"));
}

// Importing over stored contacts.
class ImportOverStored : public ::testing::Test {
 protected:
  ImportOverStored() {
    Contact jane;
    jane.id = "jane";
    jane.name = "Jane Doe";
    jane.email = "Jane@Acme.example";
    jane.company = "Acme";
    jane.stage = "discovery";
    jane.status = ContactStatus::paused;
    jane.next_step = {"send the deck", *parse_date("2026-12-01")};
    stored_.push_back(jane);
    Contact info1, info2;
    info1.id = "info1";
    info1.name = "Info One";
    info1.email = "info@globex.example";
    info2 = info1;
    info2.id = "info2";
    stored_.push_back(info1);
    stored_.push_back(info2);
  }

  ImportResult import(std::string_view csv) {
    ImportOptions options;
    options.rules = k_rules;
    options.existing = stored_;
    return import_contacts(csv, options);
  }

  std::vector<Contact> stored_;
};

TEST_F(ImportOverStored, ARowWithAStoredIdReplacesOnlyTheColumnsTheFileHas) {
  auto r = import("id,stage\njane,proposal\n");
  ASSERT_THAT(r.errors, ::testing::IsEmpty());
  Contact expected = stored_[0];
  expected.stage = "proposal";
  EXPECT_THAT(r.contacts, ElementsAre(expected));  // name, status and next step stay
}

TEST_F(ImportOverStored, ARowWithoutAnIdFindsTheStoredContactByItsEmailInAnyCase) {
  auto r = import("email,company\nJANE@acme.EXAMPLE,Acme GmbH\n");
  ASSERT_THAT(r.errors, ::testing::IsEmpty());
  ASSERT_EQ(r.contacts.size(), 1u);
  EXPECT_EQ(r.contacts[0].id, "jane");
  EXPECT_EQ(r.contacts[0].company, "Acme GmbH");
  EXPECT_EQ(r.contacts[0].email, "JANE@acme.EXAMPLE");
}

TEST_F(ImportOverStored, ANewContactKnownOnlyByEmailGetsTheEmailInLowerCaseAsItsId) {
  auto r = import("email,name\nBob@Initech.example,Bob\n");
  ASSERT_THAT(r.errors, ::testing::IsEmpty());
  EXPECT_EQ(r.contacts[0].id, "bob@initech.example");
  EXPECT_EQ(r.contacts[0].status, ContactStatus::active);
}

TEST_F(ImportOverStored, AnEmailOfSeveralStoredContactsAsksForTheId) {
  auto r = import("email,stage\ninfo@globex.example,won\n");
  EXPECT_THAT(r.errors, ElementsAre("row 2, column 'email': 'info@globex.example' is the email of several contacts "
                                    "(info1, info2): give the id"));
}

TEST_F(ImportOverStored, TwoRowsNamingOneContactAreDuplicatesEvenByEmail) {
  auto r = import("id,email,stage\njane,,a\n,jane@acme.example,b\n");
  EXPECT_THAT(r.errors, ElementsAre("row 3, column 'id': duplicate id 'jane': row 2 has it too"));
}

TEST(ImportContacts, TheStateColumnsSetTheContactsState) {
  auto r = import_contacts(
      "id,name,status,paused_until,cadence_since,next_step,next_step_date\n"
      "s,Sam,paused,2026-12-01T09:00:00Z,2026-10-01,call back,2026-12-02\n"
      "t,Tia,,,,,\n",
      k_rules);
  ASSERT_THAT(r.errors, ::testing::IsEmpty());
  const Contact& s = r.contacts[0];
  EXPECT_EQ(s.status, ContactStatus::paused);
  EXPECT_EQ(format_rfc3339(*s.paused_until), "2026-12-01T09:00:00Z");
  EXPECT_EQ(format_rfc3339(*s.cadence_since), "2026-10-01T00:00:00Z");
  EXPECT_EQ(s.next_step, (NextStep{"call back", *parse_date("2026-12-02")}));
  const Contact& t = r.contacts[1];
  EXPECT_EQ(t.status, ContactStatus::active);
  EXPECT_FALSE(t.paused_until || t.cadence_since || t.next_step.date);
}

TEST(ImportContacts, MalformedCsvIsOneErrorNamingTheRow) {
  auto r = import_contacts("id,name\nx,\"open\n", k_rules);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.errors.front().starts_with("row 2: malformed CSV")) << r.errors.front();
}

}  // namespace
}  // namespace touchbase

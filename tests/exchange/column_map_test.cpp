// --map: other tools' exports load without editing.
#include "exchange/column_map.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "exchange/contact_import.h"

namespace touchbase {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const ImportRules k_rules{{"alice"}, {"prospect"}};

ImportResult import_mapped(std::string_view csv, std::string_view map) {
  ImportOptions options;
  options.rules = k_rules;
  auto parsed = parse_column_map(map);
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  if (parsed) options.map = *parsed;
  return import_contacts(csv, options);
}

TEST(ColumnMap, AHubSpotExportLoadsWithAMap) {
  // HubSpot writes a byte-order mark, CRLF, its own headers, and the first and
  // last names apart; its owner and lead status are not touchbase's.
  auto r = import_mapped(
      "\xEF\xBB\xBF\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Phone Number\",\"Company Name\","
      "\"Job Title\",\"Lifecycle Stage\",\"Contact owner\",\"Lead Status\"\r\n"
      "\"5101\",\"Jane\",\"Doe\",\"jane@acme.example\",\"+49 30 1234\",\"Acme, GmbH\",\"CTO\",\"lead\","
      "\"Alice Moreno\",\"Open\"\r\n",
      "Record ID=id, First Name=name, Last Name=name, Phone Number=phone, Company Name=company, Job Title=title, "
      "Lifecycle Stage=stage");
  ASSERT_THAT(r.errors, IsEmpty());
  ASSERT_EQ(r.contacts.size(), 1u);
  const Contact& c = r.contacts.front();
  EXPECT_EQ(c.id, "5101");
  EXPECT_EQ(c.name, "Jane Doe");
  EXPECT_EQ(c.email, "jane@acme.example");
  EXPECT_EQ(c.phone, "+49 30 1234");
  EXPECT_EQ(c.company, "Acme, GmbH");
  EXPECT_EQ(c.title, "CTO");
  EXPECT_EQ(c.stage, "lead");
  EXPECT_EQ(c.owner, "");  // "Contact owner" is not a touchbase column: ignored
  EXPECT_EQ(c.status, ContactStatus::active);
}

TEST(ColumnMap, ASalesforceExportLoadsWithAMapThatIgnoresItsStatus) {
  // Salesforce's "Status" shares the name of touchbase's status column; the
  // map ignores it, and its Email, Phone and Title match by name.
  auto r = import_mapped(
      "Contact ID,First Name,Last Name,Title,Account Name,Email,Phone,Status\n"
      "0035g00000XyZ1,John,Smith,VP Sales,Initech,JOHN@initech.example,555-0100,Working - Contacted\n"
      "0035g00000XyZ2,Ana,,Buyer,Globex,ana@globex.example,,New\n",
      "Contact ID=id,First Name=name,Last Name=name,Account Name=company,Status=");
  ASSERT_THAT(r.errors, IsEmpty());
  ASSERT_EQ(r.contacts.size(), 2u);
  EXPECT_EQ(r.contacts[0].id, "0035g00000XyZ1");
  EXPECT_EQ(r.contacts[0].name, "John Smith");
  EXPECT_EQ(r.contacts[0].title, "VP Sales");
  EXPECT_EQ(r.contacts[0].company, "Initech");
  EXPECT_EQ(r.contacts[0].email, "JOHN@initech.example");
  EXPECT_EQ(r.contacts[0].phone, "555-0100");
  EXPECT_EQ(r.contacts[1].name, "Ana");  // an empty part is skipped, not joined
  EXPECT_THAT(r.rows, ElementsAre(2, 3));
}

TEST(ColumnMap, WithoutTheMapASalesforceStatusIsReportedWithTheWayOut) {
  auto r = import_contacts("id,name,Status\nx,X,Working - Contacted\n", k_rules);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_THAT(r.errors[0], HasSubstr("row 2, column 'status': unknown status 'Working - Contacted'"));
  EXPECT_THAT(r.errors[0], HasSubstr("--map '<its header>='"));
}

TEST(ColumnMap, AMappedColumnWinsOverOneThatOnlySharesAName) {
  auto r = import_mapped("id,name,Full Name\nx,ignored,Real Name\n", "Full Name=name");
  ASSERT_THAT(r.errors, IsEmpty());
  EXPECT_EQ(r.contacts[0].name, "Real Name");
}

TEST(ColumnMap, SeveralColumnsMappedToTagsAreJoinedAsTags) {
  auto r = import_mapped("id,name,Industry,Region\nx,X,fintech,emea\n", "Industry=tags,Region=tags");
  ASSERT_THAT(r.errors, IsEmpty());
  EXPECT_THAT(r.contacts[0].tags, ElementsAre("fintech", "emea"));
}

TEST(ColumnMap, AMapNamingAHeaderTheFileLacksIsAnErrorOnTheHeaderRow) {
  auto r = import_mapped("id,name\nx,X\n", "Emial Address=email");
  EXPECT_THAT(r.errors, ElementsAre("row 1: --map names the header 'emial address', which the file does not have"));
  EXPECT_THAT(r.contacts, IsEmpty());
}

TEST(ParseColumnMap, NamesWhatIsWrongWithAnEntry) {
  EXPECT_THAT(parse_column_map("Email Address").error().message,
              HasSubstr("--map: 'Email Address' has no '=': expected HEADER=COLUMN"));
  EXPECT_THAT(parse_column_map("Email=emial").error().message,
              HasSubstr("'emial' is not a touchbase column: expected one of id, name, email"));
  EXPECT_THAT(parse_column_map("Email=email,email=name").error().message, HasSubstr("header 'email' is mapped twice"));
  EXPECT_THAT(parse_column_map("=email").error().message, HasSubstr("names no header before '='"));
}

TEST(ParseColumnMap, HeadersAreMatchedWithoutRegardToCaseOrSpaces) {
  auto map = parse_column_map(" Email Address = EMAIL ,Lead Status=");
  ASSERT_TRUE(map.ok());
  using Entry = std::pair<std::string, std::string>;
  EXPECT_THAT(map->entries, ElementsAre(Entry{"email address", "email"}, Entry{"lead status", ""}));
}

}  // namespace
}  // namespace touchbase

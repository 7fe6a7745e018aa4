// A corpus of broken CSV files (tests/exchange/broken_csv): each is refused
// whole, with every bad row named by its number and what is wrong.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "exchange/contact_import.h"
#include "tests/testing/run_command.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using ::testing::ElementsAreArray;

const ImportRules k_rules{{"alice", "bob"}, {"nurture", "prospect"}};

struct BrokenFile {
  const char* name;
  std::vector<std::string> errors;
};

void PrintTo(const BrokenFile& file, std::ostream* out) {
  *out << file.name;
}

const BrokenFile k_corpus[] = {
    {"bad_zone.csv",
     {"row 3, column 'timezone': 'Mars/Base' is not a known IANA time zone: expected a name like America/New_York or "
      "Europe/Berlin"}},
    {"bad_window.csv",
     {"row 2, column 'window': '17:00-16:00' is an empty hour range: the end must be after the start",
      "row 3, column 'window': 'someday' is not a day: expected mon, tue, wed, thu, fri, sat or sun",
      "row 4, column 'window': 'mon-fri' is not a window: expected days and hours, like 'mon-fri 16:00-17:30'"}},
    {"unknown_owner_or_cadence.csv",
     {"row 2, column 'owner': unknown owner 'carol': expected one of alice, bob",
      "row 3, column 'cadence': unknown cadence 'weekly': expected one of nurture, prospect"}},
    {"duplicate_id.csv",
     {"row 3, column 'id': duplicate id 'ok': row 2 has it too",
      "row 4, column 'id': duplicate id 'ok': row 2 has it too"}},
    {"unterminated_quote.csv",
     {"row 3: malformed CSV (error parsing data while strict checking enabled): expected RFC 4180 fields, with quotes "
      "doubled inside quoted "
      "fields"}},
    {"bad_values.csv",
     {"row 2, column 'email': 'ann-at-example' is not an email address: expected name@domain",
      "row 2, column 'last_touch': 'last tuesday' is not an RFC 3339 time: expected like 2026-11-23T16:00:00Z or "
      "2026-11-23T16:00:00+01:00",
      "row 2, column 'value': 'lots' is not a deal value: expected a number like 12000 or 4999.50"}},
    {"no_id_or_email.csv",
     {"row 3, column 'id': the row has neither an id nor an email: expected one of them to tell the contact"}},
    {"no_id_column.csv",
     {"row 1: no 'id' or 'email' column: the header must name one of them (and name, for new contacts)"}},
    {"empty.csv", {"the file is empty: expected a header row naming the columns"}},
};

class BrokenCsv : public ::testing::TestWithParam<BrokenFile> {};

TEST_P(BrokenCsv, IsRefusedWholeWithEveryBadRowNamed) {
  const BrokenFile& file = GetParam();
  auto text = testing::read_file(testing::source_dir() / "tests/exchange/broken_csv" / file.name);
  ImportResult r = import_contacts(text, k_rules);
  EXPECT_THAT(r.errors, ElementsAreArray(file.errors)) << file.name;
  EXPECT_TRUE(r.contacts.empty());
  EXPECT_TRUE(r.rows.empty());
}

INSTANTIATE_TEST_SUITE_P(Corpus, BrokenCsv, ::testing::ValuesIn(k_corpus),
                         [](const ::testing::TestParamInfo<BrokenFile>& param) {
                           std::string name = param.param.name;
                           name = name.substr(0, name.find('.'));
                           std::erase(name, '_');
                           return name;
                         });

TEST(BrokenCsv, TheCorpusFilesKeepTheirBrokenBytes) {
  // Given the CRLF file with a byte-order mark, its bytes are as written (no
  // checkout or editor normalized them away), so the tests above test them.
  auto text = testing::read_file(testing::source_dir() / "tests/exchange/broken_csv/unterminated_quote.csv");
  EXPECT_TRUE(text.starts_with("\xEF\xBB\xBFid,name,notes\r\n"));
}

}  // namespace
}  // namespace touchbase

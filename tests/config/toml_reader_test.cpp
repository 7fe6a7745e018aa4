#include "config/toml_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>

namespace touchbase::config_detail {
namespace {

// Reads one document; errors land in `diag`.
struct Doc {
  explicit Doc(std::string_view text) : table(toml::parse(text, std::string_view("t.toml"))) {}
  Value get(std::string_view key) { return Value(table.get(key), std::string(key), {1, 1}, diag); }
  std::vector<std::string> errors() {
    std::vector<std::string> out;
    for (const auto& e : std::move(diag).take()) out.push_back(e.to_string());
    return out;
  }

  toml::table table;
  Diagnostics diag{"t.toml"};
};

using ::testing::ElementsAre;

TEST(Value, AnAbsentValueReadsAsNothingWithoutAnError) {
  Doc doc("a = 1\n");
  EXPECT_FALSE(doc.get("missing").present());
  EXPECT_EQ(doc.get("missing").string(), std::nullopt);
  EXPECT_EQ(doc.get("missing").duration(), std::nullopt);
  EXPECT_TRUE(doc.errors().empty());
}

TEST(Value, AWrongTypeSaysWhatWasExpectedAndWhatCame) {
  Doc doc("d = 2\nb = \"yes\"\ns = [1]\nn = \"1.5\"\nt = 12:30:00\n");
  EXPECT_EQ(doc.get("d").duration(), std::nullopt);
  EXPECT_EQ(doc.get("b").boolean(), std::nullopt);
  EXPECT_EQ(doc.get("s").string(), std::nullopt);
  EXPECT_EQ(doc.get("n").number(), std::nullopt);
  EXPECT_EQ(doc.get("t").date(), std::nullopt);
  EXPECT_THAT(doc.errors(), ElementsAre("t.toml:1:5: d: expected a string like \"2d\", got an integer",
                                        "t.toml:2:5: b: expected true or false, got a string",
                                        "t.toml:3:5: s: expected a string, got an array",
                                        "t.toml:4:5: n: expected a number, got a string",
                                        "t.toml:5:5: t: expected a date like 2026-12-25, got a time"));
}

TEST(Value, TypedReadsParseTheirText) {
  Doc doc("d = \"3d\"\nz = \"Europe/Berlin\"\nw = [\"tue\", \"thu\"]\nh = \"16:00-17:30\"\nx = 2027-01-31\nf = 2\n");
  EXPECT_EQ(doc.get("d").duration(), std::chrono::hours(72));
  EXPECT_EQ(doc.get("z").zone(), "Europe/Berlin");
  EXPECT_EQ(format_day_set(*doc.get("w").days()), "tue,thu");
  EXPECT_EQ(format_hour_ranges(*doc.get("h").hours()), "16:00-17:30");
  EXPECT_EQ(doc.get("x").date(), Date{date::year{2027} / 1 / 31});
  EXPECT_EQ(doc.get("f").number(), 2.0);
  EXPECT_TRUE(doc.errors().empty());
}

TEST(Value, IntegersOutsideTheirRangeNameTheRange) {
  Doc doc("a = 0\nb = 11\nc = 3000000000\n");
  EXPECT_EQ(doc.get("a").integer(1, std::numeric_limits<int>::max()), std::nullopt);
  EXPECT_EQ(doc.get("b").integer(1, 10), std::nullopt);
  EXPECT_EQ(doc.get("c").integer(0, std::numeric_limits<int>::max()), std::nullopt);
  EXPECT_THAT(doc.errors(), ElementsAre("t.toml:1:5: a: expected an integer of at least 1, got 0",
                                        "t.toml:2:5: b: expected an integer from 1 to 10, got 11",
                                        "t.toml:3:5: c: expected an integer of at least 0, got 3000000000"));
}

TEST(Value, ArrayElementsCarryTheirIndexAndPosition) {
  Doc doc("s = [\"a\", 2, \"c\"]\n");
  EXPECT_EQ(doc.get("s").strings(), std::nullopt);
  EXPECT_THAT(doc.errors(), ElementsAre("t.toml:1:11: s[1]: expected a string, got an integer"));
}

TEST(Value, AnEmptyStringIsRejectedWhereANameIsNeeded) {
  Doc doc("n = \"\"\n");
  EXPECT_EQ(doc.get("n").non_empty_string("a cadence name"), std::nullopt);
  EXPECT_THAT(doc.errors(), ElementsAre("t.toml:1:5: n: expected a cadence name, got an empty string"));
}

TEST(JoinKey, QuotesKeysThatAreNotBare) {
  EXPECT_EQ(join_key("", "daemon"), "daemon");
  EXPECT_EQ(join_key("notifiers", "alice-mail"), "notifiers.alice-mail");
  EXPECT_EQ(join_key("notifiers", "alice mail"), "notifiers.\"alice mail\"");
  EXPECT_EQ(join_key("owners", "a.b"), "owners.\"a.b\"");
}

constexpr std::array<std::string_view, 3> k_keys = {"steps", "repeat", "min_gap"};

TEST(TableReader, UnknownKeysSuggestTheNearestOrListTheValidOnes) {
  Doc doc("[cadences.prospect]\nstpes = 1\ncolour = 2\nrepeat = true\n");
  const auto& table = *doc.table["cadences"]["prospect"].as_table();
  TableReader reader(table, "cadences.prospect", {1, 1}, doc.diag, k_keys);
  EXPECT_EQ(reader.get("repeat").boolean(), true);
  reader.report_unknown_keys();
  EXPECT_THAT(doc.errors(),
              ElementsAre("t.toml:2:1: cadences.prospect.stpes: unknown key 'stpes' in cadences.prospect; did you "
                          "mean 'steps'?",
                          "t.toml:3:1: cadences.prospect.colour: unknown key 'colour' in cadences.prospect; expected "
                          "one of: steps, repeat, min_gap"));
}

TEST(TableReader, HandledKeysAreNotReportedAsUnknown) {
  Doc doc("password = \"x\"\n");
  TableReader reader(doc.table, "", {1, 1}, doc.diag, k_keys);
  reader.handled("password");
  reader.report_unknown_keys();
  EXPECT_TRUE(doc.errors().empty());
}

TEST(TableReader, AMissingRequiredKeyIsReportedAtTheTable) {
  Doc doc("x = 1\n\n[cadences.prospect]\nrepeat = true\n");
  const auto& table = *doc.table["cadences"]["prospect"].as_table();
  TableReader reader(table, "cadences.prospect", place_of(table.source()), doc.diag, k_keys);
  EXPECT_FALSE(reader.required("steps", "an array of durations").present());
  EXPECT_THAT(doc.errors(), ElementsAre("t.toml:3:1: cadences.prospect.steps: missing required key: expected an "
                                        "array of durations"));
}

}  // namespace
}  // namespace touchbase::config_detail

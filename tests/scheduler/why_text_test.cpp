// The pieces of the reasons text.

#include "scheduler/why_text.h"

#include <gtest/gtest.h>

#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

template <class F>
std::string text(F append) {
  std::string out;
  append(out);
  return out;
}

TEST(WhyText, Ordinals) {
  const std::pair<int, const char*> cases[] = {{1, "1st"},   {2, "2nd"},   {3, "3rd"},     {4, "4th"},
                                               {11, "11th"}, {12, "12th"}, {13, "13th"},   {21, "21st"},
                                               {22, "22nd"}, {23, "23rd"}, {101, "101st"}, {111, "111th"}};
  for (auto [n, expected] : cases) EXPECT_EQ(text([&](std::string& s) { append_ordinal(s, n); }), expected);
}

TEST(WhyText, FactorsGapsAndNames) {
  EXPECT_EQ(text([](std::string& s) { append_factor(s, 1.5); }), "1.5");
  EXPECT_EQ(text([](std::string& s) { append_factor(s, 2.25); }), "2.25");
  EXPECT_EQ(text([](std::string& s) { append_factor(s, 3.375); }), "3.375");
  EXPECT_EQ(text([](std::string& s) { append_factor(s, 2.0); }), "2");
  EXPECT_EQ(text([](std::string& s) { append_gap(s, testing::duration("1d"), false); }), "1 day");
  EXPECT_EQ(text([](std::string& s) { append_gap(s, testing::duration("2w"), true); }), "14 business days");
  EXPECT_EQ(text([](std::string& s) { append_gap(s, std::chrono::hours(36), false); }), "36h");
  EXPECT_EQ(text([](std::string& s) { append_gap(s, std::chrono::minutes(90), false); }), "90m");
  EXPECT_EQ(text([](std::string& s) { append_possessive(s, "Jane"); }), "Jane's");
  EXPECT_EQ(text([](std::string& s) { append_possessive(s, "James"); }), "James'");
}

TEST(WhyText, LocalTimesInTheirZone) {
  const Zone zone = lookup_zone("Pacific/Chatham").value();
  EXPECT_EQ(text([&](std::string& s) { append_local_in(s, testing::at("2026-12-24T23:00:00Z"), zone); }),
            "Fri 25 Dec 12:45 Pacific/Chatham");
}

}  // namespace
}  // namespace touchbase

#include "core/window.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

TEST(ParseDaySet, RangesListsAndWrapAround) {
  EXPECT_EQ(format_day_set(parse_day_set("mon-fri").value()), "mon-fri");
  EXPECT_EQ(format_day_set(parse_day_set("tue,thu").value()), "tue,thu");
  EXPECT_EQ(format_day_set(parse_day_set("Friday-Monday").value()), "mon,fri-sun");
  EXPECT_EQ(format_day_set(parse_day_set("mon-wed,fri").value()), "mon-wed,fri");
}

TEST(ParseDaySet, AnArrayOfNamesIsTheSameAsTheText) {
  std::vector<std::string> items = {"tue", "wed", "thu"};
  EXPECT_EQ(parse_day_set(items).value(), parse_day_set("tue-thu").value());
  EXPECT_FALSE(parse_day_set(std::vector<std::string>{}).ok());
}

TEST(ParseDaySet, UnknownDayNamesTheWordAndTheChoices) {
  auto r = parse_day_set("mon-fry");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "'fry' is not a day: expected mon, tue, wed, thu, fri, sat or sun");
}

TEST(ParseHourRanges, SortsSeveralRanges) {
  auto r = parse_hour_ranges("16:00-17:30,09:00-10:00");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(format_hour_ranges(*r), "09:00-10:00,16:00-17:30");
  EXPECT_EQ(parse_hour_ranges("00:00-24:00")->front().end_minute, 1440);
}

TEST(ParseHourRanges, EmptyOverlappingAndMalformedRangesAreErrors) {
  EXPECT_NE(parse_hour_ranges("17:00-16:00").error().message.find("empty hour range"), std::string::npos);
  EXPECT_NE(parse_hour_ranges("09:00-12:00,11:00-13:00").error().message.find("overlap"), std::string::npos);
  EXPECT_FALSE(parse_hour_ranges("9-17").ok());
  EXPECT_FALSE(parse_hour_ranges("09:00-24:30").ok());
  EXPECT_FALSE(parse_hour_ranges("09:60-10:00").ok());
}

TEST(ParseWindow, DaysThenHours) {
  auto w = parse_window(" mon-fri 16:00-17:30 ");
  ASSERT_TRUE(w.ok());
  EXPECT_TRUE(w->days.contains(1));
  EXPECT_FALSE(w->days.contains(0));
  EXPECT_EQ(format_window(*w), "mon-fri 16:00-17:30");
  EXPECT_FALSE(parse_window("16:00-17:30").ok());
}

}  // namespace
}  // namespace touchbase

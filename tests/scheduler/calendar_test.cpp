// Window instants, business days and working moments in one zone.

#include "scheduler/calendar.h"

#include <random>

#include <gtest/gtest.h>

#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

using testing::at;
using testing::window;

LocalDays local_day(const char* text) {
  return LocalDays(testing::day(text));
}

Zone berlin() {
  return lookup_zone("Europe/Berlin").value();
}

TEST(AddBusinessDays, SkipsWeekendsAndHolidays) {
  const std::vector<Date> dates = {testing::day("2026-12-25")};
  const Holidays holidays(dates);
  CalendarNotes notes;
  EXPECT_EQ(add_business_days(local_day("2026-11-27"), 1, holidays, &notes), local_day("2026-11-30"));  // Fri -> Mon
  EXPECT_EQ(add_business_days(local_day("2026-11-28"), 1, holidays, &notes), local_day("2026-11-30"));  // Sat -> Mon
  EXPECT_EQ(add_business_days(local_day("2026-12-23"), 2, holidays, &notes), local_day("2026-12-28"));
  EXPECT_EQ(add_business_days(local_day("2026-11-23"), 0, holidays, &notes), local_day("2026-11-23"));
  ASSERT_EQ(notes.holiday_count, 1);
  EXPECT_EQ(notes.holidays[0].day, local_day("2026-12-25"));
}

TEST(AddBusinessDays, WholeWeeksAtOnceGiveTheSameDayAsOneByOne) {
  std::mt19937 rng(5);
  std::vector<Date> dates;
  for (int i = 0; i < 20; ++i) {
    dates.push_back(Date(local_day("2026-01-01") + date::days(std::uniform_int_distribution<int>(0, 500)(rng))));
  }
  std::sort(dates.begin(), dates.end());
  const Holidays holidays(dates);
  for (int start = 0; start < 14; ++start) {
    for (long count = 0; count < 120; ++count) {
      const LocalDays from = local_day("2026-03-02") + date::days(start * 17);
      LocalDays naive = from;
      for (long left = count; left > 0;) {
        naive += date::days{1};
        if (is_business_day(naive, holidays)) --left;
      }
      ASSERT_EQ(add_business_days(from, count, holidays, nullptr), naive) << start << " " << count;
    }
  }
}

TEST(FirstWindowInstant, TheNextRangeTheNextAllowedDayOrNow) {
  const Holidays none;
  const WeeklyWindow w = window("mon,wed 09:00-10:00,16:00-17:30");
  // Mon 23 Nov, Berlin (UTC+1).
  EXPECT_EQ(first_window_instant(berlin(), w, none, at("2026-11-23T07:00:00Z"), nullptr), at("2026-11-23T08:00:00Z"));
  EXPECT_EQ(first_window_instant(berlin(), w, none, at("2026-11-23T08:30:00Z"), nullptr), at("2026-11-23T08:30:00Z"));
  EXPECT_EQ(first_window_instant(berlin(), w, none, at("2026-11-23T09:00:00Z"), nullptr), at("2026-11-23T15:00:00Z"));
  EXPECT_EQ(first_window_instant(berlin(), w, none, at("2026-11-23T16:30:00Z"), nullptr), at("2026-11-25T08:00:00Z"));
}

TEST(FirstWindowInstant, AWindowThatNeverOpensGivesNothing) {
  const std::vector<Date> dates = {testing::day("2026-11-23")};
  WeeklyWindow empty;
  EXPECT_FALSE(first_window_instant(berlin(), empty, Holidays{}, at("2026-11-23T07:00:00Z"), nullptr).has_value());
  // Only Mondays, and the one Monday in reach is no holiday: found a week later.
  CalendarNotes notes;
  EXPECT_EQ(
      first_window_instant(berlin(), window("mon 09:00-10:00"), Holidays(dates), at("2026-11-23T07:00:00Z"), &notes),
      at("2026-11-30T08:00:00Z"));
  EXPECT_EQ(notes.holiday_count, 1);
}

TEST(InWindow, StartIncludedEndExcludedHolidaysOff) {
  const WeeklyWindow hours = window("mon-fri 08:30-17:30");
  const std::vector<Date> dates = {testing::day("2026-11-24")};
  const Holidays holidays(dates);
  EXPECT_TRUE(in_window(berlin(), hours, holidays, at("2026-11-23T07:30:00Z")));
  EXPECT_FALSE(in_window(berlin(), hours, holidays, at("2026-11-23T16:30:00Z")));
  EXPECT_FALSE(in_window(berlin(), hours, holidays, at("2026-11-24T10:00:00Z")));
  EXPECT_FALSE(in_window(berlin(), hours, holidays, at("2026-11-28T10:00:00Z")));
}

TEST(LatestWindowMoment, ItselfInsideElseTheLastMinuteOfTheIntervalBefore) {
  const WeeklyWindow hours = window("mon-fri 08:30-12:00,13:00-17:30");
  const std::vector<Date> dates = {testing::day("2026-11-27")};
  const Holidays holidays(dates);
  // Inside: itself.
  EXPECT_EQ(latest_window_moment(berlin(), hours, holidays, at("2026-11-24T10:00:00Z"), nullptr),
            at("2026-11-24T10:00:00Z"));
  // Lunch: 11:59 that day.
  EXPECT_EQ(latest_window_moment(berlin(), hours, holidays, at("2026-11-24T11:30:00Z"), nullptr),
            at("2026-11-24T10:59:00Z"));
  // Before Tuesday's start: Monday 17:29.
  EXPECT_EQ(latest_window_moment(berlin(), hours, holidays, at("2026-11-24T06:00:00Z"), nullptr),
            at("2026-11-23T16:29:00Z"));
  // Monday early, Friday a holiday: Thursday 17:29.
  EXPECT_EQ(latest_window_moment(berlin(), hours, holidays, at("2026-11-30T06:00:00Z"), nullptr),
            at("2026-11-26T16:29:00Z"));
}

TEST(LatestWindowMoment, NotesTheHolidaysThatTookAWorkingMomentAway) {
  const WeeklyWindow hours = window("mon-fri 08:30-17:30");
  const std::vector<Holidays::Day> days = {{local_day("2026-11-27"), {"Staff day", "DE-BE"}},
                                           {local_day("2026-11-30"), {"Bridge day", ""}}};
  const Holidays holidays(days);
  // Monday 07:00, before Monday's hours: only Friday is passed over.
  CalendarNotes notes;
  EXPECT_EQ(latest_window_moment(berlin(), hours, holidays, at("2026-11-30T06:00:00Z"), &notes),
            at("2026-11-26T16:29:00Z"));
  ASSERT_EQ(notes.holiday_count, 1);
  EXPECT_EQ(notes.holidays[0].day, local_day("2026-11-27"));
  EXPECT_EQ(notes.holidays[0].label.name, "Staff day");
  EXPECT_EQ(notes.holidays[0].label.region, "DE-BE");
  // Monday 10:00: Monday too.
  CalendarNotes later;
  latest_window_moment(berlin(), hours, holidays, at("2026-11-30T09:00:00Z"), &later);
  ASSERT_EQ(later.holiday_count, 2);
  EXPECT_EQ(later.holidays[0].label.name, "Bridge day");
  EXPECT_EQ(later.holidays[1].label.name, "Staff day");
}

TEST(Holidays, ADayGivenTwiceKeepsTheFirstLabelWithAName) {
  const std::vector<Holidays::Day> days = {{local_day("2026-12-25"), {}},
                                           {local_day("2026-12-24"), {"Christmas Eve", ""}},
                                           {local_day("2026-12-25"), {"Erster Weihnachtstag", "DE-BE"}},
                                           {local_day("2026-12-25"), {"Christmas Day", ""}}};
  const Holidays holidays(days);
  EXPECT_TRUE(holidays.contains(local_day("2026-12-24")));
  EXPECT_TRUE(holidays.contains(local_day("2026-12-25")));
  EXPECT_FALSE(holidays.contains(local_day("2026-12-26")));
  EXPECT_EQ(holidays.label(local_day("2026-12-25")).name, "Erster Weihnachtstag");
  EXPECT_EQ(holidays.label(local_day("2026-12-25")).region, "DE-BE");
  EXPECT_EQ(holidays.label(local_day("2026-12-24")).name, "Christmas Eve");
  EXPECT_EQ(holidays.label(local_day("2026-12-26")).name, "");
  CalendarNotes notes;
  add_business_days(local_day("2026-12-23"), 2, holidays, &notes);
  ASSERT_EQ(notes.holiday_count, 2);
  EXPECT_EQ(notes.holidays[1].label.name, "Erster Weihnachtstag");
}

}  // namespace
}  // namespace touchbase

// The days off an iCalendar file lists, from 2025 to 2029.
#include "config/holiday_calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace touchbase::config_detail {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::IsEmpty;

constexpr int k_first_year = 2025;
constexpr int k_last_year = 2029;

// A VCALENDAR holding `events`, which start at line 4.
std::string calendar(std::string_view events) {
  return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n" + std::string(events) + "END:VCALENDAR\n";
}

CalendarDays read(std::string_view events) {
  return read_holiday_calendar(calendar(events), k_first_year, k_last_year);
}

Holiday holiday(std::string_view date, std::string name) {
  return Holiday{parse_date(date).value(), std::move(name)};
}

TEST(ReadHolidayCalendar, AYearlyEventFallsOnItsDateInEachYearOfTheRange) {
  auto r = read(R"(BEGIN:VEVENT
UID:de-unity
SUMMARY:German Unity Day
DTSTART;VALUE=DATE:20201003
RRULE:FREQ=YEARLY
END:VEVENT
)");
  EXPECT_THAT(r.problems, IsEmpty());
  EXPECT_THAT(r.days, ElementsAre(holiday("2025-10-03", "German Unity Day"), holiday("2026-10-03", "German Unity Day"),
                                  holiday("2027-10-03", "German Unity Day"), holiday("2028-10-03", "German Unity Day"),
                                  holiday("2029-10-03", "German Unity Day")));
}

TEST(ReadHolidayCalendar, AnExdateLeavesOutThatYearsDate) {
  auto r = read(R"(BEGIN:VEVENT
UID:de-unity
SUMMARY:German Unity Day
DTSTART;VALUE=DATE:20201003
RRULE:FREQ=YEARLY
EXDATE;VALUE=DATE:20261003,20281003
END:VEVENT
)");
  EXPECT_THAT(r.problems, IsEmpty());
  EXPECT_THAT(r.days, ElementsAre(Field(&Holiday::date, parse_date("2025-10-03").value()),
                                  Field(&Holiday::date, parse_date("2027-10-03").value()),
                                  Field(&Holiday::date, parse_date("2029-10-03").value())));
}

TEST(ReadHolidayCalendar, ARuleByWeekdayFollowsTheCalendar) {
  auto r = read(R"(BEGIN:VEVENT
UID:us-thanksgiving
SUMMARY:Thanksgiving Day
DTSTART;VALUE=DATE:20201126
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH
END:VEVENT
)");
  EXPECT_THAT(r.problems, IsEmpty());
  EXPECT_THAT(r.days, ElementsAre(holiday("2025-11-27", "Thanksgiving Day"), holiday("2026-11-26", "Thanksgiving Day"),
                                  holiday("2027-11-25", "Thanksgiving Day"), holiday("2028-11-23", "Thanksgiving Day"),
                                  holiday("2029-11-22", "Thanksgiving Day")));
}

TEST(ReadHolidayCalendar, AnEventLastsUpToItsEndWhichItExcludesOrForItsDurationElseOneDay) {
  auto r = read(R"(BEGIN:VEVENT
UID:xmas
SUMMARY:Christmas break
DTSTART;VALUE=DATE:20261224
DTEND;VALUE=DATE:20261227
END:VEVENT
BEGIN:VEVENT
UID:carnival
SUMMARY:Carnival
DTSTART;VALUE=DATE:20270208
DURATION:P2D
END:VEVENT
BEGIN:VEVENT
UID:new-year
SUMMARY:New Year's Day
DTSTART;VALUE=DATE:20270101
END:VEVENT
)");
  EXPECT_THAT(r.problems, IsEmpty());
  EXPECT_THAT(r.days, ElementsAre(holiday("2026-12-24", "Christmas break"), holiday("2026-12-25", "Christmas break"),
                                  holiday("2026-12-26", "Christmas break"), holiday("2027-01-01", "New Year's Day"),
                                  holiday("2027-02-08", "Carnival"), holiday("2027-02-09", "Carnival")));
}

TEST(ReadHolidayCalendar, DaysOutsideTheYearsAreLeftOutAndTheFirstEventOfADayNamesIt) {
  auto r = read(R"(BEGIN:VEVENT
UID:old
SUMMARY:Christmas Day
DTSTART;VALUE=DATE:20241225
END:VEVENT
BEGIN:VEVENT
UID:en
SUMMARY:Christmas Day
DTSTART;VALUE=DATE:20261225
END:VEVENT
BEGIN:VEVENT
UID:de
SUMMARY:Weihnachten
DTSTART;VALUE=DATE:20261225
END:VEVENT
BEGIN:VEVENT
UID:far
SUMMARY:Christmas Day
DTSTART;VALUE=DATE:20301225
END:VEVENT
)");
  EXPECT_THAT(r.problems, IsEmpty());
  EXPECT_THAT(r.days, ElementsAre(holiday("2026-12-25", "Christmas Day")));
}

TEST(ReadHolidayCalendar, TheNameIsMadePrintable) {
  auto r = read("BEGIN:VEVENT\nUID:x\nSUMMARY:Bank\\nHoliday \x1B[1m\nDTSTART;VALUE=DATE:20260831\nEND:VEVENT\n");
  EXPECT_THAT(r.problems, IsEmpty());
  EXPECT_THAT(r.days, ElementsAre(holiday("2026-08-31", "Bank\\x0AHoliday \\x1B[1m")));
}

TEST(ReadHolidayCalendar, EachBadEventIsAProblemAtItsLineNamedByUidAndSummary) {
  // CRLF line ends, as RFC 5545 writes them.
  std::string text = calendar(R"(BEGIN:VEVENT
UID:fine
SUMMARY:Labour Day
DTSTART;VALUE=DATE:20260501
END:VEVENT
BEGIN:VEVENT
UID:reformation
SUMMARY:Reformation Day
END:VEVENT
BEGIN:VEVENT
SUMMARY:Staff party
DTSTART:20261218T170000Z
END:VEVENT
BEGIN:VEVENT
UID:bad-rule
DTSTART;VALUE=DATE:20260501
RRULE:FREQ=YEARLYISH
END:VEVENT
)");
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 2)) text.insert(at, "\r");
  auto r = read_holiday_calendar(text, k_first_year, k_last_year);
  EXPECT_THAT(r.days, ElementsAre(holiday("2026-05-01", "Labour Day")));
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].line, 9);
  EXPECT_EQ(r.problems[0].message,
            "event 'Reformation Day' (UID reformation) has no DTSTART: expected the day it falls on, like "
            "DTSTART;VALUE=DATE:20261225");
  EXPECT_EQ(r.problems[1].line, 13);
  EXPECT_EQ(r.problems[1].message,
            "event 'Staff party' starts at a time (DTSTART:20261218T170000Z): expected an all-day event, like "
            "DTSTART;VALUE=DATE:20261225");
  EXPECT_EQ(r.problems[2].line, 17);
  EXPECT_EQ(r.problems[2].message,
            "event (UID bad-rule): Can't parse as RECUR value in RRULE property. Removing entire property: "
            "FREQ=YEARLYISH");
}

TEST(ReadHolidayCalendar, TextThatIsNotOneVcalendarIsOneProblem) {
  for (std::string_view text : {std::string_view("[holidays]\ndates = [2026-12-25]\n"), std::string_view(""),
                                std::string_view("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\n"),
                                std::string_view("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nEND:VEVENT\n")}) {
    auto r = read_holiday_calendar(text, k_first_year, k_last_year);
    EXPECT_THAT(r.days, IsEmpty()) << text;
    ASSERT_EQ(r.problems.size(), 1u) << text;
    EXPECT_EQ(r.problems[0].line, 0);
    EXPECT_EQ(r.problems[0].message,
              "not an iCalendar file: expected one VCALENDAR, from BEGIN:VCALENDAR to END:VCALENDAR (RFC 5545)");
  }
}

}  // namespace
}  // namespace touchbase::config_detail

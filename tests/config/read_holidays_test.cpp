// [holidays]: dates, and calendar files for everyone and per region, read
// from real files next to the config.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view k_company_ics = R"(BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Acme//Holidays//EN
BEGIN:VEVENT
UID:acme-christmas
SUMMARY:Christmas break
DTSTART;VALUE=DATE:20261224
DTEND;VALUE=DATE:20261227
END:VEVENT
END:VCALENDAR
)";

constexpr std::string_view k_de_be_ics = R"(BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//Berlin//EN
BEGIN:VEVENT
UID:de-unity
SUMMARY:German Unity Day
DTSTART;VALUE=DATE:19901003
RRULE:FREQ=YEARLY
EXDATE;VALUE=DATE:20271003
END:VEVENT
BEGIN:VEVENT
UID:de-be-women
SUMMARY:International Women's Day
DTSTART;VALUE=DATE:20190308
RRULE:FREQ=YEARLY
END:VEVENT
END:VCALENDAR
)";

constexpr std::string_view k_bad_ics = R"(BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//Bad//EN
BEGIN:VEVENT
UID:ok
SUMMARY:Independence Day
DTSTART;VALUE=DATE:20260704
END:VEVENT
BEGIN:VEVENT
UID:us-ny-lincoln
SUMMARY:Lincoln's Birthday
END:VEVENT
END:VCALENDAR
)";

class ReadHolidaysTest : public ::testing::Test {
 protected:
  ConfigResult load(std::string_view holidays) {
    return load_config(dir_.write("touchbase.toml", std::string(holidays) + k_minimal_rest), k_load_time);
  }

  std::vector<std::string> errors(std::string_view holidays) { return error_texts(load(holidays)); }

  std::string path(std::string_view name) const { return (dir_.path() / name).lexically_normal().string(); }

  TempDir dir_;
};

std::vector<std::string> dates_of(const HolidayCalendar& calendar) {
  std::vector<std::string> out;
  for (const Holiday& h : calendar.days) out.push_back(format_date(h.date) + " " + h.name);
  return out;
}

TEST_F(ReadHolidaysTest, CalendarsForEveryoneAndPerRegionAreReadRelativeToTheConfigsFolder) {
  std::filesystem::create_directories(dir_ / "holidays");
  dir_.write("holidays/company.ics", k_company_ics);
  dir_.write("holidays/de-be.ics", k_de_be_ics);
  auto r = load(R"([holidays]
dates = [2026-12-31]
calendars = ["holidays/company.ics"]
[holidays.regions]
de-be = ["holidays/de-be.ics"]
)");
  ASSERT_TRUE(r.ok()) << r.error().front().to_string();
  const HolidayConfig& h = r->holidays;
  EXPECT_EQ(h.first_year, 2025);
  EXPECT_EQ(h.last_year, 2029);
  EXPECT_THAT(h.dates, ElementsAre(parse_date("2026-12-31").value()));
  ASSERT_EQ(h.calendars.size(), 1u);
  EXPECT_EQ(h.calendars[0].file, path("holidays/company.ics"));
  EXPECT_THAT(dates_of(h.calendars[0]),
              ElementsAre("2026-12-24 Christmas break", "2026-12-25 Christmas break", "2026-12-26 Christmas break"));
  ASSERT_EQ(h.regions.size(), 1u);
  const auto& berlin = h.regions.at("DE-BE");  // the key in capitals
  ASSERT_EQ(berlin.size(), 1u);
  EXPECT_THAT(dates_of(berlin[0]), ElementsAre("2025-03-08 International Women's Day", "2025-10-03 German Unity Day",
                                               "2026-03-08 International Women's Day", "2026-10-03 German Unity Day",
                                               "2027-03-08 International Women's Day",
                                               "2028-03-08 International Women's Day", "2028-10-03 German Unity Day",
                                               "2029-03-08 International Women's Day", "2029-10-03 German Unity Day"));
  EXPECT_THAT(summarize(*r), HasSubstr("holidays: 1 date; for everyone: company.ics (3 days); DE-BE: de-be.ics (9 "
                                       "days); calendars read for 2025-2029\n"));
}

TEST_F(ReadHolidaysTest, TheYearsFollowWhenTheConfigIsLoaded) {
  dir_.write("de-be.ics", k_de_be_ics);
  auto r = load_config(dir_.write("touchbase.toml", "[holidays.regions]\nDE-BE = [\"de-be.ics\"]\n" + k_minimal_rest),
                       parse_rfc3339("2031-06-01T00:00:00Z").value());
  ASSERT_TRUE(r.ok()) << r.error().front().to_string();
  EXPECT_EQ(r->holidays.first_year, 2030);
  EXPECT_EQ(r->holidays.last_year, 2034);
  const auto& days = r->holidays.regions.at("DE-BE")[0].days;
  ASSERT_EQ(days.size(), 10u);
  EXPECT_EQ(format_date(days.front().date), "2030-03-08");
  EXPECT_EQ(format_date(days.back().date), "2034-10-03");
}

TEST_F(ReadHolidaysTest, ABadCalendarIsAnErrorAtItsOwnFileAndLineNamingTheEvent) {
  dir_.write("us-ny.ics", k_bad_ics);
  EXPECT_THAT(errors("[holidays.regions]\nUS-NY = [\"us-ny.ics\"]\n"),
              ElementsAre(path("us-ny.ics") +
                          ":9:1: holidays.regions.US-NY[0]: event 'Lincoln's Birthday' (UID us-ny-lincoln) has no "
                          "DTSTART: expected the day it falls on, like DTSTART;VALUE=DATE:20261225"));
}

TEST_F(ReadHolidaysTest, AFileThatIsNotICalendarIsAnErrorNamingIt) {
  dir_.write("notes.ics", "Public holidays: see the intranet\n");
  EXPECT_THAT(
      errors("[holidays]\ncalendars = [\"notes.ics\"]\n"),
      ElementsAre(path("notes.ics") + ": holidays.calendars[0]: not an iCalendar file: expected one VCALENDAR, from "
                                      "BEGIN:VCALENDAR to END:VCALENDAR (RFC 5545)"));
}

TEST_F(ReadHolidaysTest, AMissingCalendarIsAnErrorAtItsPlaceInTheConfig) {
  EXPECT_THAT(errors("[holidays]\ncalendars = [\"holidays/company.ics\"]\n"),
              ElementsAre(path("touchbase.toml") + ":2:14: holidays.calendars[0]: cannot read '" +
                          path("holidays/company.ics") + "': No such file or directory"));
}

TEST_F(ReadHolidaysTest, ARegionThatIsNotIso3166StyleOrIsListedTwiceIsAnError) {
  dir_.write("de-be.ics", k_de_be_ics);
  EXPECT_THAT(
      errors("[holidays.regions]\nBerlin = [\"de-be.ics\"]\nDE-BE = [\"de-be.ics\"]\nde-be = [\"de-be.ics\"]\n"),
      ElementsAre(path("touchbase.toml") +
                      ":2:10: holidays.regions.Berlin: 'Berlin' is not a region: expected an ISO 3166-2 code like US, "
                      "US-NY or DE-BE (a country's two letters, then optionally '-' and up to three letters or digits)",
                  path("touchbase.toml") +
                      ":4:9: holidays.regions.de-be: region DE-BE is listed twice (in capitals or not, it is one "
                      "region)"));
}

TEST_F(ReadHolidaysTest, DatesAreSortedAndUnique) {
  auto r = load("[holidays]\ndates = [2027-01-01, 2026-12-25, 2027-01-01]\n");
  ASSERT_TRUE(r.ok()) << r.error().front().to_string();
  EXPECT_THAT(r->holidays.dates, ElementsAre(parse_date("2026-12-25").value(), parse_date("2027-01-01").value()));
  EXPECT_THAT(summarize(*r), HasSubstr("holidays: 2 dates\n"));
}

TEST_F(ReadHolidaysTest, AQuotedDateIsATypeError) {
  EXPECT_THAT(errors("[holidays]\ndates = [2026-12-25, \"2027-01-01\"]\n"),
              ElementsAre(path("touchbase.toml") +
                          ":2:22: holidays.dates[1]: expected a date like 2026-12-25, got a string (write TOML "
                          "dates without quotes)"));
}

}  // namespace
}  // namespace touchbase::testing

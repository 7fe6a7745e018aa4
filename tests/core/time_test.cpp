#include "core/time.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

using namespace std::chrono_literals;

TEST(ParseDuration, EachUnitIsItsNumberOfSeconds) {
  EXPECT_EQ(parse_duration("30s").value(), 30s);
  EXPECT_EQ(parse_duration("15m").value(), 15min);
  EXPECT_EQ(parse_duration("2h").value(), 2h);
  EXPECT_EQ(parse_duration("3d").value(), 72h);
  EXPECT_EQ(parse_duration("2w").value(), 336h);
  EXPECT_EQ(parse_duration("0s").value(), 0s);
}

TEST(ParseDuration, AnythingElseIsAnErrorThatShowsTheExpectedForm) {
  for (const char* bad : {"", "d", "3", "3x", "-3d", "1.5d", "3 d", " 3d", "3dd", "99999999999999w"}) {
    auto r = parse_duration(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("like 30s, 15m, 2h, 3d or 2w"), std::string::npos);
  }
}

TEST(FormatDuration, PicksTheLargestExactUnit) {
  EXPECT_EQ(format_duration(90min), "90m");
  EXPECT_EQ(format_duration(48h), "2d");
  EXPECT_EQ(format_duration(14 * 24h), "2w");
  EXPECT_EQ(format_duration(61s), "61s");
  EXPECT_EQ(format_duration(0s), "0s");
}

TEST(ParseRate, ACountPerUnitOrPerDuration) {
  EXPECT_EQ(parse_rate("1/s").value(), (Rate{1, 1s}));
  EXPECT_EQ(parse_rate("60/m").value(), (Rate{60, 60s}));
  EXPECT_EQ(parse_rate("5/2s").value(), (Rate{5, 2s}));
  EXPECT_EQ(format_rate(Rate{60, 60s}), "60/m");
  EXPECT_EQ(format_rate(Rate{5, 2s}), "5/2s");
  for (const char* bad : {"", "1", "0/s", "-1/s", "1/x", "1/0s", "a/s"}) {
    auto r = parse_rate(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("like 1/s, 60/m or 5/2s"), std::string::npos);
  }
}

TEST(Rfc3339, UtcAndOffsetFormsDenoteTheSameInstant) {
  auto utc = parse_rfc3339("2026-11-23T15:00:00Z");
  auto offset = parse_rfc3339("2026-11-23T16:00:00+01:00");
  ASSERT_TRUE(utc.ok());
  ASSERT_TRUE(offset.ok());
  EXPECT_EQ(*utc, *offset);
  EXPECT_EQ(format_rfc3339(*utc), "2026-11-23T15:00:00Z");
}

TEST(Rfc3339, FractionalSecondsAreDroppedAndABareDateIsMidnightUtc) {
  EXPECT_EQ(format_rfc3339(parse_rfc3339("2026-11-23T15:00:00.750Z").value()), "2026-11-23T15:00:00Z");
  EXPECT_EQ(format_rfc3339(parse_rfc3339("2026-11-23").value()), "2026-11-23T00:00:00Z");
}

TEST(Rfc3339, MalformedTimesAreErrors) {
  for (const char* bad : {"", "2026-11-23T15:00", "2026-13-01T00:00:00Z", "2026-11-23T15:00:00+0100x", "yesterday"}) {
    EXPECT_FALSE(parse_rfc3339(bad).ok()) << bad;
  }
}

TEST(Rfc3339Local, ShowsTheZoneOffsetOfThatInstant) {
  const auto* berlin = find_zone("Europe/Berlin").value();
  auto winter = parse_rfc3339("2026-01-15T15:00:00Z").value();
  auto summer = parse_rfc3339("2026-07-15T15:00:00Z").value();
  EXPECT_EQ(format_rfc3339_local(winter, *berlin), "2026-01-15T16:00:00+01:00");
  EXPECT_EQ(format_rfc3339_local(summer, *berlin), "2026-07-15T17:00:00+02:00");
  const auto* kolkata = find_zone("Asia/Kolkata").value();
  EXPECT_EQ(format_rfc3339_local(winter, *kolkata), "2026-01-15T20:30:00+05:30");
}

TEST(ParseDate, AcceptsOnlyRealCalendarDates) {
  EXPECT_EQ(format_date(parse_date("2028-02-29").value()), "2028-02-29");
  EXPECT_FALSE(parse_date("2027-02-29").ok());
  EXPECT_FALSE(parse_date("2027-2-1").ok());
}

TEST(FindZone, UnknownNamesSayWhatWasExpected) {
  EXPECT_TRUE(find_zone("Pacific/Chatham").ok());
  auto r = find_zone("Mars/Olympus_Mons");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'Mars/Olympus_Mons' is not a known IANA time zone"), std::string::npos);
}

}  // namespace
}  // namespace touchbase

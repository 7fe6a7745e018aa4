#include "core/time.h"

#include <gtest/gtest.h>

#include <sstream>

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
  for (const char* bad : {"", "d", "3", "3x", "-3d", "1.5d", "3 d", " 3d", "3dd", "99999999999999999999w"}) {
    auto r = parse_duration(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("like 30s, 15m, 2h, 3d or 2w"), std::string::npos);
  }
}

TEST(ParseDuration, OneLongerThanAHundredYearsIsRefusedSoThatNowPlusItStaysPrintable) {
  EXPECT_EQ(parse_duration("36500d").value(), k_max_duration);
  EXPECT_EQ(parse_duration("5214w").value(), 5214 * 7 * 24h);
  for (const char* long_one : {"36501d", "1099511627776s", "99999999999999w"}) {
    auto r = parse_duration(long_one);
    ASSERT_FALSE(r.ok()) << long_one;
    EXPECT_EQ(r.error().message, "'" + std::string(long_one) +
                                     "' is longer than 36500d (100 years): expected a "
                                     "shorter duration");
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

TEST(Rfc3339, SecondsThatAreNotDigitsAreAnErrorNotANumberTheParserGuesses) {
  // Found by the fuzzer: the seconds were read as a floating-point number, so
  // "nan" reached a conversion whose result is undefined.
  for (const char* bad :
       {"2026-11-23T15:00:nanZ", "2026-11-23T15:00:infZ", "2026-11-23T15:00:1e9Z", "2026-11-23T15:00:00.Z",
        "2026-11-23T15:00:-1+01:00", "2026-11-23T15:00:00+1:00", "+026-11-23T16:00:00Z"}) {
    EXPECT_FALSE(parse_rfc3339(bad).ok()) << bad;
  }
  EXPECT_EQ(parse_rfc3339("2026-11-23T16:00:00.250+01:00").value(), parse_rfc3339("2026-11-23T15:00:00Z").value());
  EXPECT_EQ(parse_rfc3339("2026-11-23T16:00:00+01").value(), parse_rfc3339("2026-11-23T15:00:00Z").value());
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

// What date::parse reads from a UTC time, which the parsing must match.
std::optional<Instant> date_parse_utc(const std::string& text) {
  std::istringstream in(text);
  date::sys_time<std::chrono::milliseconds> t;
  in >> date::parse("%FT%TZ", t);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return std::chrono::floor<Seconds>(t);
}

TEST(Rfc3339, UtcTimesReadAsDateParseReadsThem) {
  for (const char* text :
       {"2026-11-23T16:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2028-02-29T12:00:00Z",
        "2027-02-29T12:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
        "2026-11-00T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T23:60:00Z", "2026-11-23T23:59:60Z",
        "1900-01-01T00:00:00Z", "2999-12-31T23:59:59Z", "2026-11-23T1a:00:00Z", "2026-11-23T16:00:00.5Z"}) {
    auto parsed = parse_rfc3339(text);
    auto expected = date_parse_utc(text);
    ASSERT_EQ(parsed.ok(), expected.has_value()) << text;
    if (expected) {
      EXPECT_EQ(*parsed, *expected) << text;
    }
  }
}

// What date::format writes, which the formatting must match for any instant and zone.
std::string date_format_local(Instant t, const date::time_zone& zone) {
  std::string s = date::format("%FT%T%z", date::zoned_seconds(&zone, t));
  s.insert(s.size() - 2, ":");
  return s;
}

TEST(Rfc3339, TimesOutsideTheAcceptedYearsAreRefusedSoEveryOutputReadsBack) {
  for (const char* text : {"0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "3000-01-01T00:00:00Z",
                           "9999-12-31T23:59:59Z", "2999-12-31T23:00:00-01:00", "9999-12-31"}) {
    auto parsed = parse_rfc3339(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().message,
              "'" + std::string(text) + "' is outside the years 1900 to 2999: expected a time in them");
  }
  EXPECT_FALSE(parse_date("3000-01-01").ok());
  EXPECT_TRUE(parse_date("2999-12-31").ok());
}

TEST(Rfc3339Local, WritesWhatDateFormatWritesInEveryKindOfZone) {
  // Negative, half- and three-quarter-hour offsets, DST on both hemispheres,
  // and local mean times with seconds before 1900.
  for (const char* name : {"UTC", "America/St_Johns", "America/Los_Angeles", "Asia/Kathmandu", "Pacific/Chatham",
                           "Australia/Lord_Howe", "Europe/Amsterdam", "Africa/Monrovia"}) {
    const auto* zone = find_zone(name).value();
    for (const char* when :
         {"1850-06-01T12:34:56Z", "1901-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2026-03-08T10:00:00Z",
          "2026-04-05T15:59:59Z", "2026-11-01T08:30:00Z", "2026-12-31T23:59:59Z", "9999-12-31T12:00:00Z"}) {
      std::istringstream in(when);
      Instant t;
      in >> date::parse("%FT%TZ", t);
      EXPECT_EQ(format_rfc3339_local(t, *zone), date_format_local(t, *zone)) << name << " " << when;
      EXPECT_EQ(format_rfc3339(t), date::format("%FT%TZ", t)) << when;
    }
  }
}

TEST(Rfc3339, YearsBeyondFourDigitsAreWrittenAsDateFormatWritesThem) {
  const Instant far = date::sys_days(date::year(12026) / 1 / 2) + std::chrono::hours(3);
  EXPECT_EQ(format_rfc3339(far), "12026-01-02T03:00:00Z");
  const Instant before_zero = date::sys_days(date::year(-1) / 12 / 31);
  EXPECT_EQ(format_rfc3339(before_zero), date::format("%FT%TZ", before_zero));
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

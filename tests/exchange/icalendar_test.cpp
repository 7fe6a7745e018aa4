// The iCalendar file checked against RFC 5545 by hand: CRLF line ends,
// folding at 75 octets, escaped TEXT values, stable UIDs.
#include "exchange/icalendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace touchbase {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

Instant at(std::string_view text) {
  return parse_rfc3339(text).value();
}

// Physical lines without their CRLF; fails the test on a bare LF or CR.
std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find("\r\n", pos);
    EXPECT_NE(end, std::string::npos) << "the text does not end with CRLF";
    if (end == std::string::npos) break;
    lines.push_back(text.substr(pos, end - pos));
    EXPECT_EQ(lines.back().find_first_of("\r\n"), std::string::npos) << "a bare CR or LF in: " << lines.back();
    pos = end + 2;
  }
  return lines;
}

// RFC 5545 3.1: a line starting with a space continues the one before.
std::vector<std::string> unfold(const std::vector<std::string>& physical) {
  std::vector<std::string> logical;
  for (const auto& line : physical) {
    if (line.starts_with(' ') && !logical.empty()) {
      logical.back() += line.substr(1);
    } else {
      logical.push_back(line);
    }
  }
  return logical;
}

// RFC 5545 3.3.11: TEXT escapes backslash, semicolon, comma and line breaks.
std::string escape_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += n;
  }
  return true;
}

const std::string k_long_description =
    "Touch 2 of prospect.\nBring: Share the Q4 benchmark, median time-to-value fell 18%; ask about pilots.\n"
    "Back\\slash and ünïcödé text, long enough that it must fold at least twice: é é é é é é é é é é é é é é é é";

std::vector<CalendarEvent> sample_events() {
  return {
      {follow_up_uid("jane", at("2026-11-24T15:00:00Z")), at("2026-11-24T15:00:00Z"), Seconds(900),
       "Follow up with Jane Doe (Acme, GmbH; Berlin)", k_long_description, "https://example.com/benchmark"},
      {follow_up_uid("bob", at("2026-11-25T16:30:00Z")), at("2026-11-25T16:30:00Z"), Seconds(900), "Follow up with Bob",
       "Short", ""},
  };
}

class ICalendar : public ::testing::Test {
 protected:
  std::string text_ = make_icalendar("touchbase follow-ups", at("2026-11-23T10:00:00Z"), sample_events()).value();
  std::vector<std::string> physical_ = physical_lines(text_);
  std::vector<std::string> logical_ = unfold(physical_);
};

TEST_F(ICalendar, EveryLineEndsWithCrlfAndNoneIsLongerThan75Octets) {
  ASSERT_GT(physical_.size(), 20u);
  for (const auto& line : physical_) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_TRUE(valid_utf8(line)) << "a fold split a UTF-8 character: " << line;
  }
  EXPECT_GT(physical_.size(), logical_.size());  // the long description was folded
}

TEST_F(ICalendar, TextValuesEscapeCommasSemicolonsBackslashesAndLineBreaks) {
  EXPECT_THAT(logical_, Contains("DESCRIPTION:" + escape_text(k_long_description)));
  EXPECT_THAT(logical_, Contains("SUMMARY:Follow up with Jane Doe (Acme\\, GmbH\\; Berlin)"));
}

TEST_F(ICalendar, ACalendarOfOneEventPerFollowUpInUtc) {
  EXPECT_EQ(logical_.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(logical_.back(), "END:VCALENDAR");
  EXPECT_THAT(logical_, Contains("VERSION:2.0"));
  EXPECT_THAT(logical_, Contains("METHOD:PUBLISH"));
  EXPECT_THAT(logical_, Contains("X-WR-CALNAME:touchbase follow-ups"));
  EXPECT_THAT(logical_, Contains(HasSubstr("PRODID:-//touchbase//touchbase ")));
  EXPECT_EQ(std::count(logical_.begin(), logical_.end(), "BEGIN:VEVENT"), 2);
  EXPECT_EQ(std::count(logical_.begin(), logical_.end(), "DTSTAMP:20261123T100000Z"), 2);
  EXPECT_THAT(logical_, Contains("UID:20261124T150000Z-jane@touchbase"));
  EXPECT_THAT(logical_, Contains("DTSTART:20261124T150000Z"));
  EXPECT_THAT(logical_, Contains("DTEND:20261124T151500Z"));
  EXPECT_THAT(logical_, Contains("URL:https://example.com/benchmark"));
  EXPECT_EQ(std::count_if(logical_.begin(), logical_.end(), [](const auto& l) { return l.starts_with("URL:"); }), 1);
}

TEST_F(ICalendar, TheSameFollowUpsGiveTheSameFile) {
  auto again = make_icalendar("touchbase follow-ups", at("2026-11-23T10:00:00Z"), sample_events());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, text_);
}

TEST(FollowUpUid, IsTheDueTimeAndTheContactIdWithOddCharactersEncoded) {
  EXPECT_EQ(follow_up_uid("jane", at("2026-11-24T15:00:00Z")), "20261124T150000Z-jane@touchbase");
  EXPECT_EQ(follow_up_uid("a b@c,d", at("2026-11-24T15:00:00Z")), "20261124T150000Z-a%20b%40c%2Cd@touchbase");
  EXPECT_NE(follow_up_uid("jane", at("2026-11-24T15:00:00Z")), follow_up_uid("jane", at("2026-11-26T15:00:00Z")));
}

TEST(MakeICalendar, NoEventsIsAnEmptyCalendar) {
  auto text = make_icalendar("empty", at("2026-11-23T10:00:00Z"), {});
  ASSERT_TRUE(text.ok());
  auto lines = unfold(physical_lines(*text));
  EXPECT_THAT(std::vector<std::string>(lines.begin(), lines.begin() + 2),
              ElementsAre("BEGIN:VCALENDAR", "VERSION:2.0"));
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT"), 0);
}

}  // namespace
}  // namespace touchbase

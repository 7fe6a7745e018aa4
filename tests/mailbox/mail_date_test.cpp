// Date fields as mail software writes them, obsolete forms included.

#include "mailbox/mail_date.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

Instant utc(int y, unsigned m, unsigned d, int h, int min, int s = 0) {
  return date::sys_days(date::year(y) / m / d) + std::chrono::hours(h) + std::chrono::minutes(min) +
         std::chrono::seconds(s);
}

TEST(ParseMailDate, ReadsTheCurrentAndObsoleteForms) {
  EXPECT_EQ(parse_mail_date("Tue, 3 Mar 2026 10:00:00 +0000"), utc(2026, 3, 3, 10, 0));
  EXPECT_EQ(parse_mail_date("Tue, 03 Mar 2026 11:30:15 +0130"), utc(2026, 3, 3, 10, 0, 15));
  EXPECT_EQ(parse_mail_date("3 Mar 2026 05:00 -0500"), utc(2026, 3, 3, 10, 0));
  EXPECT_EQ(parse_mail_date("Tue, 3 Mar 26 02:00:00 PST"), utc(2026, 3, 3, 10, 0));
  EXPECT_EQ(parse_mail_date("Tue, 3 Mar 2026 10:00:00 GMT (Coordinated Universal Time)"), utc(2026, 3, 3, 10, 0));
  EXPECT_EQ(parse_mail_date("Wed, 31 Dec 1997 23:59:60 +0000"), utc(1997, 12, 31, 23, 59, 59));
}

TEST(ParseMailDate, ImpossibleOrGarbledDatesAreNone) {
  for (const char* text : {"", "yesterday", "Tue, 30 Feb 2026 10:00:00 +0000", "3 Foo 2026 10:00:00 +0000",
                           "3 Mar 2026 25:00:00 +0000", "3 Mar 2026 10:61 +0000", "3 Mar 2026 10:00:00 +99",
                           "3 Mar 2026", "99999999999 Mar 2026 10:00 +0000", "3 Mar 2026 10:00:00 +0000 extra words"}) {
    EXPECT_EQ(parse_mail_date(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace touchbase

// Header blocks from outside: folded lines joined, names matched in any case,
// garbage and oversized input bounded.

#include "mailbox/header_fields.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

TEST(ParseHeaderFields, FoldedLinesAreJoinedAndNamesLowerCased) {
  const auto fields =
      parse_header_fields("Subject: Re: a long\r\n  subject line\r\nFROM:\tjane@acme.example\r\n\r\nBody: no");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].name, "subject");
  EXPECT_EQ(fields[0].value, "Re: a long  subject line");
  EXPECT_EQ(fields[1].name, "from");
  EXPECT_EQ(fields[1].value, "jane@acme.example");
}

TEST(ParseHeaderFields, BareLineFeedsEndLinesToo) {
  const auto fields = parse_header_fields("To: a@b.example\nCc: c@d.example\n");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(*find_field(fields, "CC"), "c@d.example");
  EXPECT_EQ(find_field(fields, "date"), nullptr);
}

TEST(ParseHeaderFields, LinesWithoutANameAndTheirContinuationsAreDropped) {
  const auto fields =
      parse_header_fields(" leading continuation\r\nno colon here\r\n  more\r\n: empty name\r\nA B: x\r\nOk: 1\r\n");
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields[0].name, "ok");
  EXPECT_EQ(fields[0].value, "1");
}

TEST(ParseHeaderFields, FieldCountAndValueSizeAreBounded) {
  std::string block;
  for (int i = 0; i < 1000; ++i) block += "X-N: " + std::to_string(i) + "\r\n";
  EXPECT_EQ(parse_header_fields(block).size(), k_max_header_fields);
  const std::string huge = "Subject: " + std::string(100'000, 'a') + "\r\n " + std::string(100'000, 'b') + "\r\n";
  EXPECT_EQ(parse_header_fields(huge)[0].value.size(), k_max_field_value);
}

TEST(ParseHeaderFields, NulAndHighBytesDoNotStopTheParser) {
  const std::string block("Subject: a\0b\xff\r\nTo: x@y.example\r\n", 32);
  const auto fields = parse_header_fields(block);
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[1].value, "x@y.example");
}

}  // namespace
}  // namespace touchbase

// Address lists as mail clients write them: display names, quoted strings,
// comments, groups, encoded words -- and what is not an address.

#include "mailbox/address_list.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

std::vector<std::string> addresses(std::string_view value) {
  std::vector<std::string> out;
  for (const auto& a : parse_address_list(value)) out.push_back(a.address);
  return out;
}

TEST(ParseAddressList, ReadsTheFormsOfAMailbox) {
  const auto list = parse_address_list(
      "Jane Doe <Jane.Doe@ACME.example>, \"Doe, John\" <john@acme.example>, bob@b.example (Bob), "
      "=?UTF-8?Q?Andr=C3=A9?= <andre@c.example>");
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].name, "Jane Doe");
  EXPECT_EQ(list[0].address, "jane.doe@acme.example");
  EXPECT_EQ(list[1].name, "Doe, John");
  EXPECT_EQ(list[2].address, "bob@b.example");
  EXPECT_EQ(list[3].name, "André");
}

TEST(ParseAddressList, GroupsGiveTheirMembersAndEmptyGroupsNothing) {
  EXPECT_EQ(addresses("Team: a@x.example, b@y.example;, c@z.example"),
            (std::vector<std::string>{"a@x.example", "b@y.example", "c@z.example"}));
  EXPECT_TRUE(addresses("undisclosed-recipients:;").empty());
}

TEST(ParseAddressList, CommasAndAnglesInsideQuotesAndCommentsDoNotSplit) {
  EXPECT_EQ(addresses("\"a, <b@evil.example>\" <a@ok.example>, (c, <d@evil.example>) e@ok.example"),
            (std::vector<std::string>{"a@ok.example", "e@ok.example"}));
}

TEST(ParseAddressList, WhatIsNotAnAddressIsSkipped) {
  EXPECT_TRUE(addresses("").empty());
  EXPECT_TRUE(addresses("Jane Doe").empty());
  EXPECT_TRUE(addresses("<@>, a@@b, @b.example, a@, a@b..example, a@.b, \"unterminated <x@y.example>").empty());
  EXPECT_EQ(addresses("<<<>>>, x@y.example"), std::vector<std::string>{"x@y.example"});
}

TEST(ParseAddressList, TheNumberOfAddressesIsBounded) {
  std::string value;
  for (int i = 0; i < 1000; ++i) value += "a" + std::to_string(i) + "@x.example,";
  EXPECT_EQ(parse_address_list(value).size(), k_max_addresses);
}

TEST(DomainOf, IsTheTextAfterTheLastAt) {
  EXPECT_EQ(domain_of("jane@acme.example"), "acme.example");
  EXPECT_EQ(domain_of("jane"), "");
  EXPECT_EQ(local_part_of("mailer-daemon@x.example"), "mailer-daemon");
}

}  // namespace
}  // namespace touchbase

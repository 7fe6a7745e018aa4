#include "notifiers/mail_headers.h"

#include <gtest/gtest.h>

#include <regex>

#include "notifiers/standard_webhooks.h"

namespace touchbase {
namespace {

std::vector<std::string> lines_of(const std::string& field) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (auto pos = field.find("\r\n"); pos != std::string::npos; pos = field.find("\r\n", start)) {
    lines.push_back(field.substr(start, pos - start));
    start = pos + 2;
  }
  lines.push_back(field.substr(start));
  return lines;
}

// Decodes "=?UTF-8?B?...?=" words back to the text, checking each word's form.
std::string decode_words(const std::string& value) {
  static const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)");
  std::string out;
  for (auto it = std::sregex_iterator(value.begin(), value.end(), word); it != std::sregex_iterator(); ++it) {
    EXPECT_LE(it->str().size(), k_max_encoded_word) << it->str();
    auto decoded = base64_decode((*it)[1].str());
    EXPECT_TRUE(decoded.ok());
    out += decoded.ok() ? *decoded : "";
  }
  return out;
}

TEST(UnstructuredField, AsciiSubjectStaysReadable) {
  EXPECT_EQ(unstructured_field("Subject", "Follow up with Jane Doe (Acme GmbH, proposal)"),
            "Subject: Follow up with Jane Doe (Acme GmbH, proposal)");
}

TEST(UnstructuredField, NonAsciiSubjectBecomesEncodedWordsOfAtMost75Characters) {
  const std::string subject =
      "Follow up with Jörg Müller-Lüdenscheidt (Zürcher Kantonalbank AG, Verhandlung über Rahmenvertrag) — "
      "Grüße";
  const std::string field = unstructured_field("Subject", subject);
  ASSERT_EQ(field.rfind("Subject: =?UTF-8?B?", 0), 0u) << field;
  const auto lines = lines_of(field);
  EXPECT_GT(lines.size(), 2u);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), k_max_encoded_line) << lines[i];
    if (i > 0) {
      EXPECT_EQ(lines[i][0], ' ') << "continuation lines start with a space";
    }
  }
  EXPECT_EQ(decode_words(field), subject);
}

TEST(UnstructuredField, EncodedWordsNeverSplitACharacter) {
  // 60 three-byte characters: every word must hold whole characters only.
  std::string subject;
  for (int i = 0; i < 60; ++i) subject += "€";
  const std::string field = unstructured_field("Subject", subject);
  static const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)");
  for (auto it = std::sregex_iterator(field.begin(), field.end(), word); it != std::sregex_iterator(); ++it) {
    auto bytes = base64_decode((*it)[1].str());
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(bytes->size() % 3, 0u) << "a word ends inside a character";
  }
  EXPECT_EQ(decode_words(field), subject);
}

TEST(UnstructuredField, LongAsciiIsFoldedAtSpaces) {
  const std::string subject(40, 'a');
  const std::string field = unstructured_field("Subject", subject + " " + subject + " " + subject);
  const auto lines = lines_of(field);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "Subject: " + subject);
  EXPECT_EQ(lines[1], " " + subject);
}

TEST(UnstructuredField, LineBreaksInAValueCannotStartANewHeader) {
  const std::string field = unstructured_field("Subject", "Follow up with Eve\r\nBcc: victim@example.com");
  EXPECT_EQ(field, "Subject: Follow up with Eve  Bcc: victim@example.com");
  const std::string encoded = unstructured_field("Subject", "Jörg\r\nBcc: victim@example.com");
  EXPECT_EQ(decode_words(encoded), "Jörg  Bcc: victim@example.com");
  for (const auto& line : lines_of(encoded)) EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos);
}

TEST(ParseMailbox, AcceptsNameAndAddressForms) {
  auto box = parse_mailbox("touchbase <touchbase@example.com>");
  ASSERT_TRUE(box.ok());
  EXPECT_EQ(box->display_name, "touchbase");
  EXPECT_EQ(box->address, "touchbase@example.com");
  auto quoted = parse_mailbox("\"Moreno, Alice\" <alice@example.com>");
  ASSERT_TRUE(quoted.ok());
  EXPECT_EQ(quoted->display_name, "Moreno, Alice");
  auto bare = parse_mailbox("alice@example.com");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->display_name, "");
}

TEST(ParseMailbox, RejectsLineBreaksAndNonAddresses) {
  EXPECT_FALSE(parse_mailbox("alice@example.com\r\nBcc: x@example.com").ok());
  EXPECT_FALSE(parse_mailbox(std::string("alice@example.com\0", 18)).ok());
  EXPECT_FALSE(parse_mailbox("alice").ok());
  EXPECT_FALSE(parse_mailbox("Alice <alice@@example.com>").ok());
  EXPECT_FALSE(parse_mailbox("Alice <alice@example.com> trailing").ok());
}

TEST(AddressField, QuotesOrEncodesDisplayNames) {
  EXPECT_EQ(address_field("From", {{"touchbase", "tb@example.com"}}), "From: touchbase <tb@example.com>");
  EXPECT_EQ(address_field("To", {{"Moreno, Alice", "a@example.com"}, {"", "b@example.com"}}),
            "To: \"Moreno, Alice\" <a@example.com>,\r\n <b@example.com>");
  EXPECT_EQ(address_field("From", {{"Jörg", "j@example.com"}}), "From: =?UTF-8?B?SsO2cmc=?= <j@example.com>");
}

TEST(AddressField, AnEncodedNameLeavesEveryLineWithin76Characters) {
  const std::string field =
      address_field("From", {{"Zürcher Kantonalbank Benachrichtigungen für Außendienst", "notifications@example.com"}});
  for (const auto& line : lines_of(field)) EXPECT_LE(line.size(), k_max_encoded_line) << line;
  EXPECT_EQ(field.substr(field.size() - 28), " <notifications@example.com>");
  EXPECT_EQ(decode_words(field), "Zürcher Kantonalbank Benachrichtigungen für Außendienst");
}

TEST(FormatMailDate, IsRfc5322InUtc) {
  const Instant t = date::sys_days(date::year(2026) / 3 / 3) + std::chrono::hours(14) + std::chrono::minutes(5) +
                    std::chrono::seconds(9);
  EXPECT_EQ(format_mail_date(t), "Tue, 03 Mar 2026 14:05:09 +0000");
}

TEST(MessageId, DerivesFromTheIdempotencyKey) {
  EXPECT_EQ(message_id("rem-42-alice-mail", "example.com"), "<rem-42-alice-mail@example.com>");
  const std::string hashed = message_id("rem 42/<x>", "example.com");
  EXPECT_EQ(hashed, message_id("rem 42/<x>", "example.com"));
  EXPECT_TRUE(std::regex_match(hashed, std::regex("<[0-9a-f]{64}@example\\.com>"))) << hashed;
  EXPECT_TRUE(
      std::regex_match(message_id(std::string(65, 'k'), "example.com"), std::regex("<[0-9a-f]{64}@example\\.com>")));
  EXPECT_EQ(address_domain("a@example.com"), "example.com");
  EXPECT_EQ(address_domain("nodomain"), "touchbase.invalid");
}

}  // namespace
}  // namespace touchbase

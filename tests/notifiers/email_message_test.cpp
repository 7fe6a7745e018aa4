#include "notifiers/email_message.h"

#include <gtest/gtest.h>

#include "notifiers/render_text.h"
#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

const Instant k_now = date::sys_days(date::year(2026) / 3 / 3) + std::chrono::hours(14);
const Mailbox k_from{"touchbase", "touchbase@example.com"};
const std::vector<Mailbox> k_to{{"Alice Moreno", "alice@example.com"}};

TEST(BuildEmail, HasTheEnvelopeAndTheRfc5322Headers) {
  const EmailMessage mail = build_email(testing::sample_message(), k_from, k_to, k_now);
  EXPECT_EQ(mail.envelope_from, "<touchbase@example.com>");
  EXPECT_EQ(mail.envelope_to, std::vector<std::string>{"<alice@example.com>"});
  EXPECT_EQ(mail.headers, (std::vector<std::string>{
                              "Date: Tue, 03 Mar 2026 14:00:00 +0000",
                              "From: touchbase <touchbase@example.com>",
                              "To: Alice Moreno <alice@example.com>",
                              "Subject: Follow up with Jane Doe (Acme GmbH, proposal)",
                              "Message-ID: <rem-42-alice-mail@example.com>",
                              "Auto-Submitted: auto-generated",
                          }));
}

TEST(BuildEmail, BodiesUseCrlfOnly) {
  const EmailMessage mail = build_email(testing::sample_message(), k_from, k_to, k_now);
  for (const std::string* body : {&mail.text, &mail.html}) {
    for (std::size_t i = 0; i < body->size(); ++i) {
      if ((*body)[i] == '\n') {
        ASSERT_GT(i, 0u);
        EXPECT_EQ((*body)[i - 1], '\r') << "bare LF at " << i;
      }
    }
  }
  EXPECT_EQ(mail.text.rfind("Follow up with Jane Doe (Acme GmbH, proposal)\r\nWhen:", 0), 0u);
}

TEST(BuildEmail, TheLogCommandIsCodeAndTheOtherOutcomesAreTextBesideIt) {
  const EmailMessage mail = build_email(testing::sample_message(), k_from, k_to, k_now);
  EXPECT_NE(mail.html.find(
                "<code>touchbase log jane-doe --outcome touched</code> (or --outcome replied, meeting or no-answer)"),
            std::string::npos)
      << mail.html;
  EXPECT_NE(
      mail.text.find(
          "Log it:        touchbase log jane-doe --outcome touched (or --outcome replied, meeting or no-answer)\r\n"),
      std::string::npos)
      << mail.text;
}

TEST(BuildEmail, AContactNameCannotInjectAHeader) {
  auto m = testing::sample_message();
  m.contact_name = "Eve\r\nBcc: victim@example.com\r\n\r\nfake body";
  const EmailMessage mail = build_email(m, k_from, k_to, k_now);
  for (const auto& header : mail.headers) {
    for (auto pos = header.find("\r\n"); pos != std::string::npos; pos = header.find("\r\n", pos + 2)) {
      EXPECT_EQ(header[pos + 2], ' ') << "a line break that is not folding in: " << header;
    }
  }
  std::string subject = mail.headers[3];
  for (auto pos = subject.find("\r\n"); pos != std::string::npos; pos = subject.find("\r\n")) subject.erase(pos, 2);
  EXPECT_EQ(subject, "Subject: Follow up with Eve  Bcc: victim@example.com    fake body (Acme GmbH, proposal)");
  EXPECT_EQ(mail.envelope_to, std::vector<std::string>{"<alice@example.com>"});
}

TEST(RenderHtml, EscapesEveryValueAndLinksOnlyWebLinks) {
  auto m = testing::sample_message();
  m.contact_name = "<script>alert(1)</script>";
  m.talking_point = "Tom & Jerry";
  const std::string html = render_html(m);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Tom &amp; Jerry <a href=\"https://example.com/benchmark\">"), std::string::npos);
  m.talking_point_link = "javascript:alert(1)";
  EXPECT_EQ(render_html(m).find("<a href"), std::string::npos);
}

}  // namespace
}  // namespace touchbase

#include "notifiers/email_message.h"

#include <gtest/gtest.h>

#include "notifiers/render_text.h"
#include "notifiers/text.h"
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

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) ++n;
  return n;
}

TEST(BuildEmail, ActionLinksAreButtonsInThreeRowsAfterTheDetails) {
  const EmailMessage mail = build_email(testing::sample_message_with_actions(), k_from, k_to, k_now);
  const std::string& html = mail.html;
  const std::size_t table_end = html.find("</table>");
  const std::size_t first_row = html.find("<p style=\"margin:0 0 8px\">");
  ASSERT_NE(first_row, std::string::npos) << html;
  EXPECT_LT(table_end, first_row);
  EXPECT_EQ(occurrences(html, "<p style=\"margin:0 0 8px\">"), 3u);
  EXPECT_EQ(occurrences(html, "background-color:#1a5fb4;border:1px solid #1a5fb4;color:#ffffff"), 4u) << "outcomes";
  EXPECT_EQ(occurrences(html, "background-color:#ffffff;border:1px solid #1a5fb4;color:#1a5fb4"), 4u) << "later";
  for (const ActionLink& link : testing::sample_actions()) {
    EXPECT_EQ(occurrences(html, "<a href=\"" + link.url + "\""), 1u) << link.name;
    EXPECT_NE(html.find(">" + html_escape(link.label) + "</a>"), std::string::npos) << link.name;
  }
  EXPECT_NE(
      html.find("<a href=\"" + testing::sample_action_url("page") + "\">Jane Doe&#39;s page</a> &middot; <a href"),
      std::string::npos)
      << "pages are plain links";
  EXPECT_LT(html.find(">Pause</a>"), html.find(">Jane Doe&#39;s page</a>"));
  EXPECT_LT(html.find(">No answer</a>"), html.find(">Snooze 1 day</a>"));
}

TEST(BuildEmail, TheHtmlUsesNoStyleSheetScriptOrOutsideAsset) {
  const std::string html = build_email(testing::sample_message_with_actions(), k_from, k_to, k_now).html;
  for (const char* part : {"<style", "<script", "<link", "<img", "src=", "url("}) {
    EXPECT_EQ(html.find(part), std::string::npos) << part;
  }
}

TEST(BuildEmail, ActionLabelsAndUrlsAreEscapedAndOnlySafeLinksBecomeAnchors) {
  struct Case {
    ActionLink link;
    std::string expected_html;  // empty: not in the HTML at all
  };
  const Case cases[] = {
      {{"touched", "<b>Done</b> & \"more\"", "https://t.example/a?x=1&y=2"},
       "<a href=\"https://t.example/a?x=1&amp;y=2\" style=\""},
      {{"touched", "<b>Done</b> & \"more\"", "https://t.example/a"},
       ">&lt;b&gt;Done&lt;/b&gt; &amp; &quot;more&quot;</a>"},
      {{"touched", "Quote", "https://t.example/a\"onclick=\"x"},
       "<a href=\"https://t.example/a&quot;onclick=&quot;x\""},
      {{"page", "Local", "http://127.0.0.1:8470/p/tok"}, "<a href=\"http://127.0.0.1:8470/p/tok\">Local</a>"},
      {{"touched", "Plain http", "http://touchbase.example.com/a/tok"}, ""},
      {{"touched", "Script", "javascript:alert(1)"}, ""},
  };
  for (const Case& c : cases) {
    auto m = testing::sample_message();
    m.actions = {c.link};
    const EmailMessage mail = build_email(m, k_from, k_to, k_now);
    if (c.expected_html.empty()) {
      EXPECT_EQ(mail.html.find(c.link.url), std::string::npos) << c.link.url;
      EXPECT_EQ(mail.html.find(std::string(k_action_heading)), std::string::npos) << c.link.url;
      EXPECT_EQ(mail.text.find(c.link.url), std::string::npos) << c.link.url;
    } else {
      EXPECT_NE(mail.html.find(c.expected_html), std::string::npos) << mail.html;
    }
  }
}

TEST(BuildEmail, TheTextPartListsEachActionAsLabelAndUrlUnderAHeading) {
  const EmailMessage mail = build_email(testing::sample_message_with_actions(), k_from, k_to, k_now);
  std::string expected = "(or --outcome replied, meeting or no-answer)\r\nIn one click:\r\n";
  for (const ActionLink& link : testing::sample_actions()) expected += "  " + link.label + ": " + link.url + "\r\n";
  ASSERT_GE(mail.text.size(), expected.size());
  EXPECT_EQ(mail.text.substr(mail.text.size() - expected.size()), expected);
}

}  // namespace
}  // namespace touchbase

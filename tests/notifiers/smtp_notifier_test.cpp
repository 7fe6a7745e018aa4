// The email notifier against a real SMTP server on 127.0.0.1
// (tests/servers/smtp_server.py, built on aiosmtpd), which records what it
// receives and how a mail client would read it.

#include "notifiers/smtp_notifier.h"

#include <gtest/gtest.h>

#include <regex>

#include "notifiers/render_text.h"
#include "notifiers/standard_webhooks.h"
#include "notifiers/text.h"
#include "tests/notifiers/notifier_testing.h"
#include "tests/servers/server_process.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using nlohmann::json;
using testing::sample_message;

constexpr const char* k_user = "touchbase";
constexpr const char* k_password = "s3cret-Passw0rd";
const Instant k_now = date::sys_days(date::year(2026) / 3 / 3) + std::chrono::hours(14);

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (auto pos = text.find("\r\n"); pos != std::string::npos; pos = text.find("\r\n", start)) {
    lines.push_back(text.substr(start, pos - start));
    start = pos + 2;
  }
  return lines;
}

class SmtpNotifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!testing::python_has_module("aiosmtpd")) return;
    dir_ = new testing::TempDir();
    server_ = new testing::ServerProcess("smtp_server.py", dir_->path(), {"--user", k_user, "--password", k_password});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
    server_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (server_ == nullptr) GTEST_SKIP() << testing::k_python << " cannot import aiosmtpd (Debian: python3-aiosmtpd)";
    ASSERT_TRUE(server_->ready()) << server_->error();
  }

  std::unique_ptr<Notifier> make(const std::vector<std::string>& to, std::string password = k_password) {
    SmtpSettings settings{"smtp://127.0.0.1:" + std::to_string(server_->port()),
                          k_user,
                          std::move(password),
                          parse_mailbox("touchbase <touchbase@example.com>").value(),
                          {}};
    for (const std::string& address : to) settings.to.push_back(parse_mailbox(address).value());
    EXPECT_TRUE(validate(settings).ok());
    return std::make_unique<SmtpNotifier>(std::move(settings), curl_, clock_, TransferTimeouts{});
  }

  DeliveryResult deliver(Notifier& notifier, const ReminderMessage& m) {
    const auto delivery = testing::deliver_and_wait(notifier, m, io_);
    EXPECT_TRUE(delivery.result.has_value()) << "Done was not called";
    EXPECT_TRUE(delivery.on_io_context) << "Done must run on the io_context";
    return delivery.result.value_or(DeliveryFailure::permanent("no result"));
  }

  // A reminder with its own idempotency key, so its message can be found.
  static ReminderMessage message(std::string key) {
    auto m = sample_message();
    m.idempotency_key = std::move(key);
    return m;
  }

  // The messages (DATA) the server received with this key's Message-ID.
  static std::vector<json> received(const std::string& key) {
    std::vector<json> out;
    for (auto& e : server_->records("events.jsonl")) {
      if (e["event"] == "data" && e["parsed"]["headers"].value("message-id", "") == "<" + key + "@example.com>") {
        out.push_back(std::move(e));
      }
    }
    return out;
  }

  static std::string raw_content(const json& event) {
    auto raw = base64_decode(event["content_b64"].get<std::string>());
    return raw.ok() ? *raw : std::string();
  }

  static testing::TempDir* dir_;
  static testing::ServerProcess* server_;
  boost::asio::io_context io_;
  CurlMulti curl_{io_};
  FakeClock clock_{k_now};
};

testing::TempDir* SmtpNotifierTest::dir_ = nullptr;
testing::ServerProcess* SmtpNotifierTest::server_ = nullptr;

TEST_F(SmtpNotifierTest, DeliversWithAuthTheHeadersAndAMultipartAlternativeMessage) {
  auto notifier = make({"Alice Moreno <alice@example.com>"});
  const auto m = message("key-plain");
  const auto result = deliver(*notifier, m);
  ASSERT_TRUE(result.ok()) << result.error().message;

  const auto messages = received("key-plain");
  ASSERT_EQ(messages.size(), 1u);
  const json& e = messages[0];
  EXPECT_EQ(e["auth_login"], k_user);
  EXPECT_EQ(e["mail_from"], "touchbase@example.com");
  EXPECT_EQ(e["rcpt_tos"], json::array({"alice@example.com"}));

  const std::string raw = raw_content(e);
  const std::string head = raw.substr(0, raw.find("\r\n\r\n"));
  const auto header_lines = lines_of(head + "\r\n");
  for (const char* expected :
       {"Date: Tue, 03 Mar 2026 14:00:00 +0000", "From: touchbase <touchbase@example.com>",
        "To: Alice Moreno <alice@example.com>", "Subject: Follow up with Jane Doe (Acme GmbH, proposal)",
        "Message-ID: <key-plain@example.com>", "Mime-Version: 1.0"}) {
    EXPECT_NE(std::find(header_lines.begin(), header_lines.end(), expected), header_lines.end())
        << expected << " missing from:\n"
        << head;
  }
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\n') {
      ASSERT_EQ(raw[i - 1], '\r') << "bare LF at byte " << i;
    }
    if (raw[i] == '\r') {
      ASSERT_EQ(raw[i + 1], '\n') << "bare CR at byte " << i;
    }
  }
  for (const auto& line : lines_of(raw)) EXPECT_LT(line.size(), 998u) << line;

  const json& parsed = e["parsed"];
  EXPECT_EQ(parsed["structure"],
            json::parse(R"(["multipart/mixed", ["multipart/alternative", "text/plain", "text/html"]])"));
  EXPECT_EQ(parsed["text"], to_crlf(render_text(m)));
  EXPECT_NE(parsed["html"].get<std::string>().find("<h2>Follow up with Jane Doe (Acme GmbH, proposal)</h2>"),
            std::string::npos);
  EXPECT_EQ(parsed["defects"], json::array());
}

TEST_F(SmtpNotifierTest, ANonAsciiSubjectArrivesAsEncodedWordsAndReadsBackExactly) {
  auto notifier = make({"alice@example.com"});
  auto m = message("key-utf8");
  m.contact_name = "Jörg Müller-Lüdenscheidt";
  m.company = "Zürcher Kantonalbank Aktiengesellschaft";
  m.stage = "Verhandlung über den Rahmenvertrag";
  ASSERT_TRUE(deliver(*notifier, m).ok());
  const auto messages = received("key-utf8");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0]["parsed"]["headers"]["subject"], render_headline(m));
  EXPECT_EQ(messages[0]["parsed"]["text"], to_crlf(render_text(m)));

  const std::string raw = raw_content(messages[0]);
  const auto lines = lines_of(raw.substr(0, raw.find("\r\n\r\n") + 2));
  auto it = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("Subject:", 0) == 0; });
  ASSERT_NE(it, lines.end());
  int words = 0;
  static const std::regex word(R"(=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=)");
  for (; it != lines.end() && (it->rfind("Subject:", 0) == 0 || (*it)[0] == ' '); ++it) {
    EXPECT_LE(it->size(), 76u) << *it;
    for (auto w = std::sregex_iterator(it->begin(), it->end(), word); w != std::sregex_iterator(); ++w, ++words) {
      EXPECT_LE(w->str().size(), 75u);
    }
  }
  EXPECT_GE(words, 2);
}

TEST_F(SmtpNotifierTest, A4xxIsTransientAndTheNextAttemptSucceeds) {
  auto notifier = make({"tempfail-once@retry.example.com"});
  const auto m = message("key-retry");
  const auto first = deliver(*notifier, m);
  ASSERT_FALSE(first.ok());
  EXPECT_TRUE(first.error().is_transient());
  ASSERT_EQ(first.error().recipients.size(), 1u);
  EXPECT_EQ(first.error().recipients[0].address, "tempfail-once@retry.example.com");
  EXPECT_EQ(first.error().recipients[0].code, 451);
  EXPECT_TRUE(received("key-retry").empty());

  const auto second = deliver(*notifier, m);
  EXPECT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(received("key-retry").size(), 1u);
}

TEST_F(SmtpNotifierTest, A5xxIsPermanent) {
  auto notifier = make({"reject@example.com"});
  const auto result = deliver(*notifier, message("key-5xx"));
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().is_permanent()) << result.error().message;
  ASSERT_EQ(result.error().recipients.size(), 1u);
  EXPECT_EQ(result.error().recipients[0].reply, "550 5.1.1 No such user");
  EXPECT_TRUE(received("key-5xx").empty());
}

TEST_F(SmtpNotifierTest, AReplyWithBytesThatAreNotUtf8AndControlsIsKeptPrintable) {
  auto notifier = make({"reject-bytes@example.com"});
  const auto result = deliver(*notifier, message("key-bytes"));
  ASSERT_FALSE(result.ok());
  const std::string reply = "550 5.1.1 \xEF\xBF\xBD [31mNo such user\\u009B";
  ASSERT_EQ(result.error().recipients.size(), 1u);
  EXPECT_EQ(result.error().recipients[0].reply, reply);
  EXPECT_EQ(result.error().message, "email smtp://127.0.0.1:" + std::to_string(server_->port()) +
                                        "/…: the server refused reject-bytes@example.com (" + reply +
                                        "); nobody got the message");
}

TEST_F(SmtpNotifierTest, ARejectionAtTheEndOfDataIsAFailure) {
  auto notifier = make({"reject-data@example.com"});
  const auto result = deliver(*notifier, message("key-data"));
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().is_permanent());
  EXPECT_EQ(result.error().message,
            "email smtp://127.0.0.1:" + std::to_string(server_->port()) +
                "/…: the server replied at the end of DATA: 554 5.6.0 Message content rejected");
  EXPECT_EQ(received("key-data").size(), 1u) << "the server saw the message and refused it";
}

TEST_F(SmtpNotifierTest, ATemporaryRejectionAtTheEndOfDataIsTransient) {
  auto notifier = make({"tempfail-data@example.com"});
  const auto result = deliver(*notifier, message("key-data-4xx"));
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().is_transient());
}

TEST_F(SmtpNotifierTest, AContactNameCannotInjectAHeaderOrARecipient) {
  auto notifier = make({"alice@example.com"});
  auto m = message("key-inject");
  m.contact_name = "Eve\r\nBcc: victim@example.com\r\nX-Injected: yes";
  ASSERT_TRUE(deliver(*notifier, m).ok());
  const auto messages = received("key-inject");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0]["rcpt_tos"], json::array({"alice@example.com"}));
  for (const auto& name : messages[0]["parsed"]["header_names"]) {
    EXPECT_NE(name, "Bcc");
    EXPECT_NE(name, "X-Injected");
  }
  EXPECT_EQ(messages[0]["parsed"]["headers"]["subject"],
            "Follow up with Eve  Bcc: victim@example.com  X-Injected: yes (Acme GmbH, proposal)");
}

TEST_F(SmtpNotifierTest, AWrongPasswordIsPermanentAndNotRepeated) {
  auto notifier = make({"alice@example.com"}, "wrong-password");
  const auto result = deliver(*notifier, message("key-auth"));
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().is_permanent());
  EXPECT_NE(result.error().message.find("535"), std::string::npos) << result.error().message;
  EXPECT_EQ(result.error().message.find("wrong-password"), std::string::npos);
}

TEST_F(SmtpNotifierTest, SomeRecipientsRefusedIsAFailureThatSaysWhoGotIt) {
  auto notifier = make({"bob@example.com", "reject@example.com"});
  const auto result = deliver(*notifier, message("key-partial"));
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().is_permanent());
  ASSERT_EQ(result.error().recipients.size(), 2u);
  EXPECT_TRUE(result.error().recipients[0].accepted());
  EXPECT_FALSE(result.error().recipients[1].accepted());
  EXPECT_NE(result.error().message.find("delivered to bob@example.com"), std::string::npos) << result.error().message;
  const auto messages = received("key-partial");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0]["rcpt_tos"], json::array({"bob@example.com"}));
}

TEST(SmtpSecurity, PlainTextOnlyToALoopbackHost) {
  EXPECT_EQ(smtp_security("smtp://127.0.0.1:2525"), SmtpSecurity::plain_loopback);
  EXPECT_EQ(smtp_security("smtp://localhost"), SmtpSecurity::plain_loopback);
  EXPECT_EQ(smtp_security("smtp://[::1]:25"), SmtpSecurity::plain_loopback);
  EXPECT_EQ(smtp_security("smtp://smtp.example.com:587"), SmtpSecurity::starttls);
  EXPECT_EQ(smtp_security("smtp://10.0.0.5:587"), SmtpSecurity::starttls);
  EXPECT_EQ(smtp_security("smtps://smtp.example.com"), SmtpSecurity::implicit_tls);
}

}  // namespace
}  // namespace touchbase

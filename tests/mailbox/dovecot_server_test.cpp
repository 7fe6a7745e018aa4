// The dovecot fixture (tests/servers/dovecot_server.h) that the mailbox tests
// read from: it serves IMAP and IMAPS on 127.0.0.1, refuses a wrong password,
// renumbers a folder on demand, stops cleanly, and shows in its Maildir what
// a client did to the flags (here, libcurl's URL fetch setting \Seen).

#include "tests/servers/dovecot_server.h"

#include <curl/curl.h>
#include <gtest/gtest.h>

#include <chrono>
#include <regex>

#include "tests/servers/server_process.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using testing::DovecotServer;

constexpr const char* k_user = "alice@example.com";
constexpr const char* k_password = "imap-Passw0rd";
const auto k_received = std::chrono::system_clock::time_point(std::chrono::seconds(1'772'000'000));
constexpr const char* k_message =
    "From: Jane Doe <jane@acme.example>\nTo: alice@example.com\nSubject: Re: pricing\n"
    "Message-ID: <1@acme.example>\nDate: Tue, 3 Mar 2026 10:00:00 +0000\n\nSounds good.\n";

struct CurlAnswer {
  CURLcode code = CURLE_OK;
  std::string body;
};

std::size_t append(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

CurlAnswer ask(const DovecotServer& server, const std::string& url, const char* custom,
               const char* password = k_password) {
  CurlAnswer answer;
  CURL* easy = curl_easy_init();
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_USERNAME, k_user);
  curl_easy_setopt(easy, CURLOPT_PASSWORD, password);
  curl_easy_setopt(easy, CURLOPT_CAINFO, server.certificate().c_str());
  if (custom != nullptr) curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, custom);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, 5000L);
  answer.code = curl_easy_perform(easy);
  curl_easy_cleanup(easy);
  return answer;
}

std::string uidvalidity(const DovecotServer& server) {
  const auto answer = ask(server, server.imap_url(), "EXAMINE INBOX");
  std::smatch match;
  return std::regex_search(answer.body, match, std::regex(R"(UIDVALIDITY (\d+))")) ? match[1].str() : "";
}

class DovecotServerTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  DovecotServer server_{dir_.path(), k_user, k_password};

  void SetUp() override { ASSERT_TRUE(server_.ready()) << server_.error(); }
};

TEST_F(DovecotServerTest, AMessageWrittenToTheMaildirIsSeenOverPlainImapAsUnread) {
  server_.add_message("", k_message, k_received);
  const auto answer = ask(server_, server_.imap_url(), "EXAMINE INBOX");
  ASSERT_EQ(answer.code, CURLE_OK);
  EXPECT_NE(answer.body.find("* 1 EXISTS"), std::string::npos) << answer.body;
  EXPECT_EQ(server_.flags(), std::vector<std::string>{""});
}

TEST_F(DovecotServerTest, ImapsIsServedWithTheCertificateTheFixtureMade) {
  const auto answer = ask(server_, server_.imaps_url(), nullptr);
  ASSERT_EQ(answer.code, CURLE_OK);
  EXPECT_NE(answer.body.find("INBOX"), std::string::npos) << answer.body;
}

TEST_F(DovecotServerTest, AWrongPasswordIsRefused) {
  EXPECT_EQ(ask(server_, server_.imap_url(), nullptr, "wrong").code, CURLE_LOGIN_DENIED);
}

TEST_F(DovecotServerTest, MessagesInAnotherFolderAreListedUnderIt) {
  server_.add_message("Sent", k_message, k_received, testing::Seen::yes);
  const auto answer = ask(server_, server_.imap_url(), "EXAMINE Sent");
  ASSERT_EQ(answer.code, CURLE_OK);
  EXPECT_NE(answer.body.find("* 1 EXISTS"), std::string::npos) << answer.body;
  EXPECT_EQ(server_.flags("Sent"), std::vector<std::string>{"S"});
}

// The trap the mailbox reader avoids: libcurl's ";UID=n" URL sends FETCH, not BODY.PEEK.
TEST_F(DovecotServerTest, ALibcurlUrlFetchMarksTheMessageSeen) {
  server_.add_message("", k_message, k_received);
  ASSERT_EQ(ask(server_, server_.imap_url("INBOX/;UID=1;SECTION=HEADER"), nullptr).code, CURLE_OK);
  EXPECT_EQ(server_.flags(), std::vector<std::string>{"S"});
}

TEST_F(DovecotServerTest, ARenumberedFolderHasANewUidvalidity) {
  server_.add_message("", k_message, k_received);
  const std::string before = uidvalidity(server_);
  server_.renumber();
  const std::string after = uidvalidity(server_);
  ASSERT_FALSE(before.empty());
  EXPECT_NE(before, after);
}

TEST(DovecotServerLifetime, TheServerStopsWithItsFixtureAndFreesItsPort) {
  testing::TempDir dir;
  int port = 0;
  {
    const auto start = std::chrono::steady_clock::now();
    DovecotServer server(dir.path(), k_user, k_password);
    ASSERT_TRUE(server.ready()) << server.error();
    std::cout << "dovecot ready in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count()
              << " ms\n";
    port = server.imap_port();
    ASSERT_EQ(ask(server, server.imap_url(), nullptr).code, CURLE_OK);
  }
  EXPECT_FALSE(testing::accepts_connections(port));
}

}  // namespace
}  // namespace touchbase

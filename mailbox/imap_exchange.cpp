#include "mailbox/imap_exchange.h"

#include <algorithm>

namespace touchbase {
namespace {

constexpr std::size_t k_max_detail = 200;

// The last non-empty line of `transcript`, without its line end, at most k_max_detail bytes.
std::string_view last_line(std::string_view transcript) {
  while (!transcript.empty() && (transcript.back() == '\n' || transcript.back() == '\r')) transcript.remove_suffix(1);
  const auto start = transcript.rfind('\n');
  return transcript.substr(start == std::string_view::npos ? 0 : start + 1).substr(0, k_max_detail);
}

bool is_permanent(CURLcode code) {
  switch (code) {
    case CURLE_LOGIN_DENIED:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_USE_SSL_FAILED: return true;
    default: return false;
  }
}

}  // namespace

ImapExchange::ImapExchange(const ImapSession& session, ImapCommand command)
    : session_(session), command_(std::move(command)) {}

void ImapExchange::configure(CURL* easy) {
  curl_easy_setopt(easy, CURLOPT_URL, session_.url.server.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "imap,imaps");
  curl_easy_setopt(easy, CURLOPT_USERNAME, session_.username.c_str());
  curl_easy_setopt(easy, CURLOPT_PASSWORD, session_.password.c_str());
  curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, command_.text.c_str());
  if (!session_.ca_file.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, session_.ca_file.c_str());
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_transcript);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_untagged);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(session_.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(session_.command_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, command_.after == ConnectionAfter::closed ? 1L : 0L);
}

MailboxResult<ImapReply> ImapExchange::outcome(CURLcode code, std::string_view curl_error) {
  if (code != CURLE_OK) {
    return imap_failure(code, session_.url.server, command_.text, curl_error, last_line(reply_.transcript));
  }
  return std::move(reply_);
}

std::size_t ImapExchange::on_transcript(char* data, std::size_t size, std::size_t count, void* self) {
  auto* exchange = static_cast<ImapExchange*>(self);
  exchange->keep(exchange->reply_.transcript, std::string_view(data, size * count));
  return size * count;
}

std::size_t ImapExchange::on_untagged(char* data, std::size_t size, std::size_t count, void* self) {
  auto* exchange = static_cast<ImapExchange*>(self);
  exchange->keep(exchange->reply_.untagged, std::string_view(data, size * count));
  return size * count;
}

void ImapExchange::keep(std::string& stream, std::string_view data) {
  const std::size_t room = k_max_imap_reply - std::min(stream.size(), k_max_imap_reply);
  if (data.size() > room) reply_.truncated = true;
  stream.append(data.substr(0, room));
}

MailboxFailure imap_failure(CURLcode code, std::string_view server, std::string_view command,
                            std::string_view curl_error, std::string_view last_line) {
  std::string message = std::string(server) + ": ";
  if (code == CURLE_LOGIN_DENIED) {
    message += "the server refused the login";
  } else if (code == CURLE_QUOTE_ERROR) {
    message += "the server refused \"" + std::string(command) + "\"";
  } else {
    message += curl_easy_strerror(code);
    if (!curl_error.empty()) message += ": " + std::string(curl_error.substr(0, k_max_detail));
  }
  if ((code == CURLE_LOGIN_DENIED || code == CURLE_QUOTE_ERROR) && !last_line.empty()) {
    message += ": " + std::string(last_line);
  }
  auto failure = is_permanent(code) ? MailboxFailure::permanent(std::move(message))
                                    : MailboxFailure::transient(std::move(message));
  failure.command_refused = code == CURLE_QUOTE_ERROR;
  return failure;
}

}  // namespace touchbase

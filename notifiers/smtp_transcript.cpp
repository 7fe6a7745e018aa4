#include "notifiers/smtp_transcript.h"

#include <algorithm>
#include <cctype>

#include "core/utf8.h"
#include "notifiers/text.h"

namespace touchbase {
namespace {

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::toupper(static_cast<unsigned char>(a)) == std::toupper(static_cast<unsigned char>(b));
         });
}

std::string_view strip_crlf(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  return line;
}

// The address inside "RCPT TO:<a@example.com> NOTIFY=..." (without brackets).
std::string recipient_of(std::string_view command) {
  command.remove_prefix(std::string_view("RCPT TO:").size());
  const auto open = command.find('<');
  const auto close = command.find('>');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::string(command);
  return std::string(command.substr(open + 1, close - open - 1));
}

}  // namespace

void SmtpTranscript::on_command(std::string_view line) {
  line = strip_crlf(line);
  pending_recipient_.clear();
  if (starts_with_ci(line, "EHLO") || starts_with_ci(line, "HELO")) {
    step_ = Step::hello;
  } else if (starts_with_ci(line, "AUTH")) {
    step_ = Step::auth;
  } else if (starts_with_ci(line, "MAIL FROM:")) {
    step_ = Step::mail_from;
  } else if (starts_with_ci(line, "RCPT TO:")) {
    step_ = Step::rcpt_to;
    pending_recipient_ = single_line(recipient_of(line));
  } else if (starts_with_ci(line, "DATA")) {
    step_ = Step::data;
  } else if (starts_with_ci(line, "QUIT") || starts_with_ci(line, "RSET")) {
    step_ = Step::closing;
  } else if (step_ != Step::auth) {  // AUTH continuation lines (credentials) are not commands
    step_ = Step::other;
  }
}

void SmtpTranscript::on_reply(std::string_view text) {
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = strip_crlf(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.size() < 3 || !std::all_of(line.begin(), line.begin() + 3,
                                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      continue;
    }
    if (line.size() > 3 && line[3] == '-') continue;  // a continuation line; the final one follows
    on_final_reply(std::stoi(std::string(line.substr(0, 3))), printable(single_line(line), LineFeeds::escape));
  }
}

void SmtpTranscript::on_final_reply(int code, std::string line) {
  if (step_ == Step::closing) return;
  if (step_ == Step::rcpt_to && !pending_recipient_.empty()) {
    recipients_.push_back(RecipientResult{pending_recipient_, code, line});
    pending_recipient_.clear();
  }
  last_code_ = code;
  last_reply_ = std::move(line);
  last_step_ = step_;
  // After "354 go ahead" the next reply answers the message itself.
  if (step_ == Step::data && code == 354) step_ = Step::message;
}

std::string_view describe(SmtpTranscript::Step step) {
  switch (step) {
    case SmtpTranscript::Step::greeting: return "in its greeting";
    case SmtpTranscript::Step::hello: return "to EHLO";
    case SmtpTranscript::Step::auth: return "to AUTH";
    case SmtpTranscript::Step::mail_from: return "to MAIL FROM";
    case SmtpTranscript::Step::rcpt_to: return "to RCPT TO";
    case SmtpTranscript::Step::data: return "to DATA";
    case SmtpTranscript::Step::message: return "at the end of DATA";
    case SmtpTranscript::Step::other:
    case SmtpTranscript::Step::closing: return "to a command";
  }
  return "to a command";
}

}  // namespace touchbase

#pragma once
// The email form of a reminder, as plain data: the envelope, the header
// fields and the two bodies of a multipart/alternative message (text first,
// HTML last). The SMTP notifier hands them to libcurl's MIME API, which adds
// the MIME structure and the quoted-printable transfer encoding (so no body
// line reaches 998 characters).

#include <string>
#include <vector>

#include "core/time.h"
#include "notifiers/mail_headers.h"
#include "notifiers/notifier.h"

namespace touchbase {

// Subjects longer than this are cut (with "…") before encoding.
inline constexpr std::size_t k_max_subject_chars = 200;

struct EmailMessage {
  std::string envelope_from;             // "<local@domain>", for MAIL FROM
  std::vector<std::string> envelope_to;  // "<local@domain>" each, for RCPT TO
  std::vector<std::string> headers;      // whole fields, "Name: value", possibly folded; no trailing CRLF
  std::string text;                      // text/plain, UTF-8, CRLF line endings
  std::string html;                      // text/html, UTF-8, CRLF line endings
};

// REQUIRES: `to` is not empty.
EmailMessage build_email(const ReminderMessage& m, const Mailbox& from, const std::vector<Mailbox>& to, Instant now);

// The HTML body: every value HTML-escaped; only http(s) links become anchors,
// and of the action links only those is_action_link (the others are left
// out): buttons in rows, action_rows(), styled inline.
std::string render_html(const ReminderMessage& m);

}  // namespace touchbase

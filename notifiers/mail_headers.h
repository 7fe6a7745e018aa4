#pragma once
// RFC 5322 header fields for the email notifier: mailboxes, dates,
// Message-IDs and RFC 2047 encoded words. Values from contact data pass
// through single_line() first, so no CR, LF or NUL ever reaches a header:
// a contact's name cannot add a header of its own.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace touchbase {

// RFC 2047: an encoded word is at most 75 characters, and a header line that
// holds one at most 76.
inline constexpr std::size_t k_max_encoded_word = 75;
inline constexpr std::size_t k_max_encoded_line = 76;
// RFC 5322's recommended line length, kept for plain-ASCII fields.
inline constexpr std::size_t k_max_header_line = 78;

struct Mailbox {
  std::string display_name;  // may be empty
  std::string address;       // local@domain
};

// "Jane Doe <jane@example.com>", "\"Doe, Jane\" <jane@example.com>" or
// "jane@example.com". Rejects control characters (CR, LF, NUL, ...) and
// addresses that are not a plain local@domain.
Result<Mailbox> parse_mailbox(std::string_view text);

// A whole field, "Name: value", folded with CRLF + space where lines would be
// too long. A value with non-ASCII text becomes UTF-8 "B" encoded words.
// Control characters in `value` are replaced by spaces first.
std::string unstructured_field(std::string_view name, std::string_view value);

// "From: Jane Doe <jane@example.com>" for one or more mailboxes (comma-separated, folded).
std::string address_field(std::string_view name, const std::vector<Mailbox>& mailboxes);

// "Tue, 03 Mar 2026 14:05:09 +0000": the RFC 5322 date of `t`, in UTC.
std::string format_mail_date(Instant t);

// "<key@domain>" when the key is at most 64 letters, digits, '-', '_', '.'
// and '+', else "<sha256-hex-of-key@domain>": the same key always gives the
// same id.
std::string message_id(std::string_view idempotency_key, std::string_view domain);

// The domain of an address ("example.com"), or "touchbase.invalid" if it has none usable.
std::string address_domain(std::string_view address);

// UTF-8 "B" encoded words for `text`, each at most 75 characters and never
// splitting a character, joined with CRLF + space so that no line exceeds 76
// characters when the first line already holds `used` characters.
std::string encode_words(std::string_view text, std::size_t used);

}  // namespace touchbase

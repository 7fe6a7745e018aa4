#include "notifiers/mail_headers.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "notifiers/standard_webhooks.h"
#include "notifiers/text.h"

namespace touchbase {
namespace {

constexpr std::string_view k_fallback_domain = "touchbase.invalid";
constexpr std::string_view k_encoded_prefix = "=?UTF-8?B?";
constexpr std::string_view k_encoded_suffix = "?=";
constexpr std::string_view k_fold = "\r\n ";
// Longer keys are hashed, which keeps the Message-ID line short.
constexpr std::size_t k_max_message_id_key = 64;

bool is_printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

bool has_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

bool is_atext_phrase(std::string_view text) {
  static constexpr std::string_view k_allowed = " !#$%&'*+-/=?^_`{|}~";
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || k_allowed.find(c) != std::string_view::npos;
  });
}

bool is_plain_address(std::string_view address) {
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  static constexpr std::string_view k_forbidden = " <>()[],;:\\\"";
  return std::none_of(address.begin(), address.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u >= 0x7F || k_forbidden.find(c) != std::string_view::npos;
  });
}

std::string trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

// The display name as a phrase: as is, quoted, or encoded words.
std::string format_phrase(std::string_view name, std::size_t used) {
  if (!is_printable_ascii(name)) return encode_words(name, used);
  if (is_atext_phrase(name)) return std::string(name);
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

// Folds plain ASCII text at spaces so that lines stay within k_max_header_line where possible.
std::string fold_ascii(std::string_view text, std::size_t used) {
  std::string out;
  std::size_t column = used;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto space = text.find(' ', start + 1);
    if (space == std::string_view::npos) space = text.size();
    const std::string_view word = text.substr(start, space - start);  // starts with its space, except the first
    if (column + word.size() > k_max_header_line && !out.empty() && word.front() == ' ') {
      out += "\r\n";
      column = 0;
    }
    out += word;
    column += word.size();
    if (space == text.size()) break;
    start = space;
  }
  return out;
}

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

Result<Mailbox> parse_mailbox(std::string_view text) {
  if (has_control(text)) return Error::config("an email address must not contain control characters (CR, LF, NUL)");
  Mailbox box;
  const auto open = text.rfind('<');
  if (open != std::string_view::npos) {
    const auto close = text.find('>', open);
    if (close == std::string_view::npos || trim(text.substr(close + 1)) != "") {
      return Error::config("an email address is written \"Name <local@domain>\" or \"local@domain\"");
    }
    box.address = std::string(text.substr(open + 1, close - open - 1));
    box.display_name = trim(text.substr(0, open));
    if (box.display_name.size() >= 2 && box.display_name.front() == '"' && box.display_name.back() == '"') {
      box.display_name = box.display_name.substr(1, box.display_name.size() - 2);
    }
  } else {
    box.address = trim(text);
  }
  if (!is_plain_address(box.address)) {
    return Error::config("\"" + box.address + "\" is not an email address of the form local@domain");
  }
  return box;
}

std::string encode_words(std::string_view text, std::size_t used) {
  const std::size_t overhead = k_encoded_prefix.size() + k_encoded_suffix.size();
  std::string out;
  std::size_t line_used = used;
  bool first = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (!first) {
      out += k_fold;
      line_used = 1;
    }
    first = false;
    // The room on this line in encoded characters, then in source bytes (3 bytes -> 4 characters).
    const std::size_t room = std::min(k_max_encoded_word, k_max_encoded_line - std::min(line_used, k_max_encoded_line));
    const std::size_t max_bytes = room > overhead ? (room - overhead) / 4 * 3 : 0;
    std::size_t end = pos;
    while (end < text.size()) {
      const std::size_t next = std::min(text.size(), end + utf8_length(static_cast<unsigned char>(text[end])));
      if (next - pos > max_bytes) break;
      end = next;
    }
    if (end == pos) continue;  // no room left on the first line: start on the next one
    const std::string word =
        std::string(k_encoded_prefix) + base64_encode(text.substr(pos, end - pos)) + std::string(k_encoded_suffix);
    out += word;
    line_used += word.size();
    pos = end;
  }
  return out;
}

std::string unstructured_field(std::string_view name, std::string_view value) {
  const std::string clean = single_line(value);
  const std::size_t used = name.size() + 2;
  const std::string body = is_printable_ascii(clean) ? fold_ascii(clean, used) : encode_words(clean, used);
  return std::string(name) + ": " + body;
}

std::string address_field(std::string_view name, const std::vector<Mailbox>& mailboxes) {
  std::string out = std::string(name) + ": ";
  std::size_t column = out.size();
  for (std::size_t i = 0; i < mailboxes.size(); ++i) {
    if (i > 0) {
      out += ",\r\n ";
      column = 1;
    }
    const Mailbox& box = mailboxes[i];
    const std::string display = trim(single_line(box.display_name));
    const std::string address = "<" + box.address + ">";
    if (!display.empty()) {
      const std::string phrase = format_phrase(display, column);
      const auto last_fold = phrase.rfind("\r\n");
      column = last_fold == std::string::npos ? column + phrase.size() : phrase.size() - last_fold - 2;
      out += phrase;
      // A line holding encoded words stays within 76 characters.
      const bool encoded = phrase.find("=?") != std::string::npos;
      if (encoded && column + 1 + address.size() > k_max_encoded_line) {
        out += "\r\n";
        column = 0;
      }
      out += " ";
      ++column;
    }
    out += address;
    column += address.size();
  }
  return out;
}

std::string format_mail_date(Instant t) {
  static constexpr std::array<const char*, 7> k_days = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> k_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd(day);
  const date::weekday wd(day);
  const date::hh_mm_ss hms(t - day);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d +0000", k_days[wd.c_encoding()],
                static_cast<unsigned>(ymd.day()), k_months[static_cast<unsigned>(ymd.month()) - 1],
                static_cast<int>(ymd.year()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buffer;
}

std::string address_domain(std::string_view address) {
  const auto at = address.rfind('@');
  if (at == std::string_view::npos) return std::string(k_fallback_domain);
  const std::string_view domain = address.substr(at + 1);
  const bool usable = !domain.empty() && std::all_of(domain.begin(), domain.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
  });
  return usable ? std::string(domain) : std::string(k_fallback_domain);
}

std::string message_id(std::string_view idempotency_key, std::string_view domain) {
  const bool usable =
      !idempotency_key.empty() &&
      std::all_of(idempotency_key.begin(), idempotency_key.end(),
                  [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '+';
                  }) &&
      idempotency_key.front() != '.' && idempotency_key.back() != '.' &&
      idempotency_key.find("..") == std::string_view::npos;
  std::string local(idempotency_key);
  if (!usable || idempotency_key.size() > k_max_message_id_key) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(idempotency_key.data(), idempotency_key.size(), digest.data(), &length, EVP_sha256(), nullptr);
    static constexpr char k_hex[] = "0123456789abcdef";
    local.clear();
    for (unsigned i = 0; i < length; ++i) {
      local += k_hex[digest[i] >> 4];
      local += k_hex[digest[i] & 0xF];
    }
  }
  return "<" + local + "@" + std::string(domain) + ">";
}

}  // namespace touchbase

#include "mailbox/encoded_words.h"

#include <optional>
#include <utility>

#include "core/base64.h"
#include "core/utf8.h"
#include "mailbox/header_fields.h"

namespace touchbase {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> decode_base64(std::string_view text) {
  auto bytes = base64_decode(text);
  if (!bytes) return std::nullopt;
  return std::move(*bytes);
}

std::optional<std::string> decode_q(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_') {
      out += ' ';
    } else if (text[i] != '=') {
      out += text[i];
    } else if (i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

std::string latin1_to_utf8(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out += c;
    } else {
      out += static_cast<char>(0xC0 | (byte >> 6));
      out += static_cast<char>(0x80 | (byte & 0x3F));
    }
  }
  return out;
}

// The text of one encoded word "=?charset?enc?text?=" (with its delimiters), or nullopt.
std::optional<std::string> decode_word(std::string_view word) {
  if (word.size() < 8 || !word.starts_with("=?") || !word.ends_with("?=")) return std::nullopt;
  const std::string_view inner = word.substr(2, word.size() - 4);
  const auto q1 = inner.find('?');
  if (q1 == std::string_view::npos || q1 + 2 >= inner.size() || inner[q1 + 2] != '?') return std::nullopt;
  std::string charset = ascii_lower(inner.substr(0, q1));
  charset = charset.substr(0, charset.find('*'));  // RFC 2231 language suffix
  const char encoding = inner[q1 + 1];
  const std::string_view text = inner.substr(q1 + 3);
  const auto bytes = encoding == 'B' || encoding == 'b'   ? decode_base64(text)
                     : encoding == 'Q' || encoding == 'q' ? decode_q(text)
                                                          : std::nullopt;
  if (!bytes) return std::nullopt;
  if (charset == "utf-8" || charset == "us-ascii") return *bytes;
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "windows-1252") return latin1_to_utf8(*bytes);
  return std::nullopt;
}

// The end of the encoded word that starts at `start` ("=?"), or npos.
std::size_t word_end(std::string_view value, std::size_t start) {
  const auto q1 = value.find('?', start + 2);
  if (q1 == std::string_view::npos || q1 + 2 >= value.size() || value[q1 + 2] != '?') return std::string_view::npos;
  const auto close = value.find("?=", q1 + 3);
  return close == std::string_view::npos ? close : close + 2;
}

std::string one_printable_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < ' ' || c == 0x7F) c = ' ';
  }
  return printable(out, LineFeeds::escape);  // valid UTF-8, C1 controls shown as escapes
}

}  // namespace

std::string decode_encoded_words(std::string_view value) {
  std::string out;
  std::string pending_blanks;  // blanks after a decoded word, dropped if another word follows
  bool after_word = false;
  for (std::size_t i = 0; i < value.size();) {
    const auto end = value.substr(i, 2) == "=?" ? word_end(value, i) : std::string_view::npos;
    const auto decoded = end == std::string_view::npos ? std::nullopt : decode_word(value.substr(i, end - i));
    if (decoded) {
      out += after_word ? "" : pending_blanks;
      out += *decoded;
      pending_blanks.clear();
      after_word = true;
      i = end;
    } else if (value[i] == ' ' || value[i] == '\t') {
      pending_blanks += value[i++];
    } else {
      out += pending_blanks;
      pending_blanks.clear();
      out += value[i++];
      after_word = false;
    }
  }
  return one_printable_line(out + pending_blanks);
}

}  // namespace touchbase

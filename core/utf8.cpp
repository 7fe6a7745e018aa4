#include "core/utf8.h"

namespace touchbase {

Utf8Sequence utf8_sequence(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return {1, true};
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {1, false};
  }
  for (std::size_t k = 1; k < length; ++k) {
    const bool in_range =
        i + k < text.size() && byte(i + k) >= (k == 1 ? low : 0x80) && byte(i + k) <= (k == 1 ? high : 0xBF);
    if (!in_range) return {k, false};
  }
  return {length, true};
}

bool is_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Sequence sequence = utf8_sequence(text, i);
    if (!sequence.valid) return false;
    i += sequence.length;
  }
  return true;
}

std::string valid_utf8(std::string_view text) {
  if (is_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Sequence sequence = utf8_sequence(text, i);
    out.append(sequence.valid ? text.substr(i, sequence.length) : k_replacement_character);
    i += sequence.length;
  }
  return out;
}

namespace {

constexpr char k_hex[] = "0123456789ABCDEF";

bool is_kept_control(unsigned char c, LineFeeds line_feeds) {
  return c == '\t' || (c == '\n' && line_feeds == LineFeeds::keep);
}

// Whether the valid sequence at `i` of `length` bytes is a C1 control (U+0080 to U+009F: C2 80 to C2 9F).
bool is_c1(std::string_view text, std::size_t i, std::size_t length) {
  return length == 2 && static_cast<unsigned char>(text[i]) == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
}

void append_hex_escape(std::string& out, std::string_view prefix, unsigned char c) {
  out.append(prefix);
  out.push_back(k_hex[c >> 4]);
  out.push_back(k_hex[c & 0xF]);
}

}  // namespace

bool is_printable(std::string_view text, LineFeeds line_feeds) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c < 0x20 && !is_kept_control(c, line_feeds)) || c == 0x7F) return false;
      ++i;
      continue;
    }
    const Utf8Sequence sequence = utf8_sequence(text, i);
    if (!sequence.valid || is_c1(text, i, sequence.length)) return false;
    i += sequence.length;
  }
  return true;
}

std::string printable(std::string_view text, LineFeeds line_feeds) {
  if (is_printable(text, line_feeds)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c < 0x20 && !is_kept_control(c, line_feeds)) {
        append_hex_escape(out, "\\x", c);
      } else if (c == 0x7F) {
        append_hex_escape(out, "\\u00", c);
      } else {
        out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    const Utf8Sequence sequence = utf8_sequence(text, i);
    if (!sequence.valid) {
      out.append(k_replacement_character);
    } else if (is_c1(text, i, sequence.length)) {
      append_hex_escape(out, "\\u00", static_cast<unsigned char>(text[i + 1]));
    } else {
      out.append(text.substr(i, sequence.length));
    }
    i += sequence.length;
  }
  return out;
}

}  // namespace touchbase

#include "notifiers/json_string.h"

#include <array>

#include <nlohmann/json.hpp>

namespace touchbase {
namespace {

// The length of the well-formed UTF-8 sequence (Unicode table 3-7) that
// starts `text` at `i`, or 0 when there is none.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
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
    return 0;
  }
  if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = i + 2; k < i + length; ++k) {
    if (byte(k) < 0x80 || byte(k) > 0xBF) return 0;
  }
  return length;
}

void append_escaped(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out.append("\\\""); return;
    case '\\': out.append("\\\\"); return;
    case '\b': out.append("\\b"); return;
    case '\f': out.append("\\f"); return;
    case '\n': out.append("\\n"); return;
    case '\r': out.append("\\r"); return;
    case '\t': out.append("\\t"); return;
    default: {
      static constexpr char k_hex[] = "0123456789abcdef";
      out.append("\\u00");
      out.push_back(k_hex[c >> 4]);
      out.push_back(k_hex[c & 0xF]);
    }
  }
}

// Whether JSON takes each byte as it is: ASCII other than controls, '"' and '\\'.
constexpr std::array<bool, 256> k_plain = [] {
  std::array<bool, 256> plain{};
  for (int b = 0x20; b < 0x80; ++b) plain[b] = b != '"' && b != '\\';
  return plain;
}();

// The end of the run of plain bytes that starts at `i`.
std::size_t plain_run_end(std::string_view text, std::size_t i) {
  while (i < text.size() && k_plain[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text, InvalidUtf8 invalid) {
  const std::size_t start = out.size();
  out.reserve(start + text.size() + 2);
  out.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t plain_end = plain_run_end(text, i);
    out.append(text.substr(i, plain_end - i));
    i = plain_end;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      append_escaped(out, c);
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence(text, i);
    if (length == 0) {  // nlohmann::json says what is wrong, or replaces it
      out.resize(start);
      const auto handler = invalid == InvalidUtf8::replace ? nlohmann::json::error_handler_t::replace
                                                           : nlohmann::json::error_handler_t::strict;
      out.append(nlohmann::json(text).dump(-1, ' ', /*ensure_ascii=*/false, handler));
      return;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  out.push_back('"');
}

}  // namespace touchbase

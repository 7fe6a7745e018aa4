#include "core/json_string.h"

#include <array>

#include "core/utf8.h"

namespace touchbase {
namespace {

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

void append_json_string(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size() + 2);
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
    const Utf8Sequence sequence = utf8_sequence(text, i);
    out.append(sequence.valid ? text.substr(i, sequence.length) : k_replacement_character);
    i += sequence.length;
  }
  out.push_back('"');
}

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

}  // namespace touchbase

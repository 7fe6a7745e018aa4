#include "daemon/json_line.h"

#include <algorithm>
#include <charconv>

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

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_sequence(text, i);
      if (length == 0) {
        // nlohmann::json says what is wrong, and how.
        out.resize(start);
        out.append(nlohmann::json(std::string(text)).dump());
        return;
      }
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    if (c < 0x20 || c == '"' || c == '\\') {
      append_escaped(out, c);
    } else {
      out.push_back(static_cast<char>(c));
    }
    ++i;
  }
  out.push_back('"');
}

void JsonLine::add_text(std::string_view key, std::string_view text) {
  members_.push_back({key, values_.size(), values_.size() + text.size()});
  values_.append(text);
}

void JsonLine::add_string(std::string_view key, std::string_view value) {
  const std::size_t begin = values_.size();
  append_json_string(values_, value);
  members_.push_back({key, begin, values_.size()});
}

void JsonLine::add_string_or_null(std::string_view key, std::string_view value) {
  if (value.empty()) {
    add_null(key);
  } else {
    add_string(key, value);
  }
}

void JsonLine::add_int(std::string_view key, long long value) {
  char buffer[24];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  add_text(key, std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}

void JsonLine::add_bool(std::string_view key, bool value) {
  add_text(key, value ? "true" : "false");
}

void JsonLine::add_null(std::string_view key) {
  add_text(key, "null");
}

void JsonLine::end(std::string& out) {
  std::stable_sort(members_.begin(), members_.end(), [](const Member& a, const Member& b) { return a.key < b.key; });
  out.push_back('{');
  const Member* previous = nullptr;
  for (const Member& m : members_) {
    if (previous != nullptr && previous->key == m.key) continue;
    if (previous != nullptr) out.push_back(',');
    append_json_string(out, m.key);
    out.push_back(':');
    out.append(values_, m.begin, m.end - m.begin);
    previous = &m;
  }
  out.append("}\n");
  members_.clear();
  values_.clear();
}

}  // namespace touchbase

#include "cli/json_line.h"

#include <algorithm>
#include <charconv>

#include "core/json_string.h"

namespace touchbase {

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

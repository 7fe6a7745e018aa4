#include "mailbox/header_fields.h"

#include <algorithm>

namespace touchbase {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// The next line of `block` from `pos`, without its line end; advances `pos`.
std::string_view next_line(std::string_view block, std::size_t& pos) {
  const auto end = block.find('\n', pos);
  std::string_view line = block.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
  pos = end == std::string_view::npos ? block.size() : end + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool valid_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 127) return false;
  }
  return true;
}

void append_bounded(std::string& value, std::string_view more) {
  const std::size_t room = k_max_field_value - std::min(value.size(), k_max_field_value);
  value.append(more.substr(0, room));
}

}  // namespace

std::vector<HeaderField> parse_header_fields(std::string_view block) {
  std::vector<HeaderField> fields;
  bool continuing = false;  // the last line started a field that was kept
  for (std::size_t pos = 0; pos < block.size();) {
    const std::string_view line = next_line(block, pos);
    if (line.empty()) break;
    if (is_blank(line.front())) {
      if (continuing) append_bounded(fields.back().value, line);
      continue;
    }
    const auto colon = line.find(':');
    continuing = colon != std::string_view::npos && valid_name(line.substr(0, colon));
    if (!continuing) continue;
    if (fields.size() == k_max_header_fields) break;
    fields.push_back({ascii_lower(line.substr(0, colon)), ""});
    append_bounded(fields.back().value, trim_blanks(line.substr(colon + 1)));
  }
  for (auto& field : fields) field.value = std::string(trim_blanks(field.value));
  return fields;
}

const std::string* find_field(const std::vector<HeaderField>& fields, std::string_view name) {
  const std::string wanted = ascii_lower(name);
  for (const auto& field : fields) {
    if (field.name == wanted) return &field.value;
  }
  return nullptr;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace touchbase

#include "core/json_line.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "core/json_string.h"

namespace touchbase {
namespace {

// The largest decimal exponent nlohmann writes without an exponent part.
constexpr int k_max_plain_exponent = std::numeric_limits<double>::digits10;
constexpr int k_min_plain_exponent = -4;

// nlohmann's layout (detail::dtoa_impl::format_buffer) of the shortest digits
// of a double, with the decimal point after `point` of them.
std::string layout_number(std::string digits, int point) {
  const int count = static_cast<int>(digits.size());
  if (count <= point && point <= k_max_plain_exponent) return digits + std::string(point - count, '0') + ".0";
  if (0 < point && point <= k_max_plain_exponent) return digits.insert(point, 1, '.');
  if (k_min_plain_exponent < point && point <= 0) return "0." + std::string(-point, '0') + digits;
  if (count > 1) digits.insert(1, 1, '.');
  const int exponent = point - 1;
  std::string e = std::to_string(exponent < 0 ? -exponent : exponent);
  return digits + "e" + (exponent < 0 ? "-" : "+") + (e.size() < 2 ? "0" : "") + e;
}

}  // namespace

std::string format_json_number(double value) {
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, std::abs(value), std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
  const std::size_t e = text.find('e');
  std::string digits(text.substr(0, e));
  std::erase(digits, '.');
  const int exponent = std::stoi(std::string(text.substr(e + 1)));
  return (value < 0 ? "-" : "") + layout_number(std::move(digits), exponent + 1);
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

void JsonLine::add_number(std::string_view key, double value) {
  add_text(key, format_json_number(value));
}

void JsonLine::add_string_array(std::string_view key, const std::vector<std::string>& values) {
  std::string array = "[";
  for (const std::string& v : values) {
    if (array.size() > 1) array.push_back(',');
    append_json_string(array, v);
  }
  array.push_back(']');
  add_text(key, array);
}

void JsonLine::add_json(std::string_view key, std::string_view json) {
  add_text(key, json);
}

void JsonLine::add_bool(std::string_view key, bool value) {
  add_text(key, value ? "true" : "false");
}

void JsonLine::add_null(std::string_view key) {
  add_text(key, "null");
}

void JsonLine::end(std::string& out) {
  append_object(out);
  out.push_back('\n');
}

std::string JsonLine::end_value() {
  std::string out;
  append_object(out);
  return out;
}

void JsonLine::append_object(std::string& out) {
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
  out.push_back('}');
  members_.clear();
  values_.clear();
}

}  // namespace touchbase

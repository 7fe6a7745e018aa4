#include "config/toml_reader.h"

#include <algorithm>
#include <limits>

#include "config/suggest.h"

namespace touchbase::config_detail {
namespace {

bool is_bare_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::string quoted(std::string_view key) {
  std::string out = "\"";
  for (char c : key) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string comma_list(std::span<const std::string_view> names) {
  std::string out;
  for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

}  // namespace

Place place_of(const toml::source_region& region) {
  return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    case toml::node_type::none: break;
  }
  return "nothing";
}

std::string join_key(std::string_view parent, std::string_view key) {
  std::string k = is_bare_key(key) ? std::string(key) : quoted(key);
  return parent.empty() ? k : std::string(parent) + "." + k;
}

Place Value::place() const {
  if (node_ == nullptr) return fallback_;
  Place p = place_of(node_->source());
  return p.line > 0 ? p : fallback_;
}

void Value::error(std::string message) const {
  diag_->error(place(), key_, std::move(message));
}

bool Value::type_error(std::string_view expected) const {
  error("expected " + std::string(expected) + ", got " + std::string(type_name(*node_)));
  return false;
}

std::optional<std::string> Value::string(std::string_view expected) const {
  if (node_ == nullptr) return std::nullopt;
  if (const auto* s = node_->as_string()) return s->get();
  type_error(expected);
  return std::nullopt;
}

std::optional<std::string> Value::non_empty_string(std::string_view expected) const {
  auto s = string(expected);
  if (s && s->empty()) {
    error("expected " + std::string(expected) + ", got an empty string");
    return std::nullopt;
  }
  return s;
}

std::optional<bool> Value::boolean() const {
  if (node_ == nullptr) return std::nullopt;
  if (const auto* b = node_->as_boolean()) return b->get();
  type_error("true or false");
  return std::nullopt;
}

std::optional<int> Value::integer(int min, int max) const {
  if (node_ == nullptr) return std::nullopt;
  const auto* i = node_->as_integer();
  if (i == nullptr) {
    type_error("an integer");
    return std::nullopt;
  }
  std::int64_t v = i->get();
  if (v < min || v > max) {
    std::string range = max == std::numeric_limits<int>::max()
                            ? "of at least " + std::to_string(min)
                            : "from " + std::to_string(min) + " to " + std::to_string(max);
    error("expected an integer " + range + ", got " + std::to_string(v));
    return std::nullopt;
  }
  return static_cast<int>(v);
}

std::optional<double> Value::number() const {
  if (node_ == nullptr) return std::nullopt;
  if (const auto* f = node_->as_floating_point()) return f->get();
  if (const auto* i = node_->as_integer()) return static_cast<double>(i->get());
  type_error("a number");
  return std::nullopt;
}

std::optional<Seconds> Value::duration() const {
  auto text = string(R"(a string like "2d")");
  if (!text) return std::nullopt;
  auto d = parse_duration(*text);
  if (!d) {
    error(d.error().message);
    return std::nullopt;
  }
  return *d;
}

std::optional<Date> Value::date() const {
  if (node_ == nullptr) return std::nullopt;
  if (const auto* d = node_->as_date()) {
    const toml::date& t = d->get();
    return Date{date::year{t.year}, date::month{t.month}, date::day{t.day}};
  }
  if (node_->is_string()) {
    error("expected a date like 2026-12-25, got a string (write TOML dates without quotes)");
    return std::nullopt;
  }
  type_error("a date like 2026-12-25");
  return std::nullopt;
}

std::optional<std::string> Value::zone() const {
  auto name = string(R"(a time zone name like "America/New_York")");
  if (!name) return std::nullopt;
  auto z = find_zone(*name);
  if (!z) {
    error(z.error().message);
    return std::nullopt;
  }
  return name;
}

std::optional<DaySet> Value::days() const {
  if (node_ == nullptr) return std::nullopt;
  Result<DaySet> set = DaySet{};
  if (const auto* s = node_->as_string()) {
    set = parse_day_set(s->get());
  } else if (node_->is_array()) {
    auto names = strings("an array of day names");
    if (!names) return std::nullopt;
    set = parse_day_set(*names);
  } else {
    type_error(R"(a string like "mon-fri" or an array of day names)");
    return std::nullopt;
  }
  if (!set) {
    error(set.error().message);
    return std::nullopt;
  }
  return *set;
}

std::optional<std::vector<HourRange>> Value::hours() const {
  auto text = string(R"(a string like "16:00-17:30")");
  if (!text) return std::nullopt;
  auto ranges = parse_hour_ranges(*text);
  if (!ranges) {
    error(ranges.error().message);
    return std::nullopt;
  }
  return std::move(ranges).value();
}

std::optional<std::vector<std::string>> Value::strings(std::string_view expected) const {
  const auto* arr = array(expected);
  if (arr == nullptr) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    auto s = element(*arr, i).string();
    if (s) out.push_back(std::move(*s));
    ok = ok && s.has_value();
  }
  if (!ok) return std::nullopt;
  return out;
}

const toml::table* Value::table(std::string_view expected) const {
  if (node_ == nullptr) return nullptr;
  if (const auto* t = node_->as_table()) return t;
  type_error(expected);
  return nullptr;
}

const toml::array* Value::array(std::string_view expected) const {
  if (node_ == nullptr) return nullptr;
  if (const auto* a = node_->as_array()) return a;
  type_error(expected);
  return nullptr;
}

Value Value::element(const toml::array& array, std::size_t i) const {
  return Value(array.get(i), key_ + "[" + std::to_string(i) + "]", place(), *diag_);
}

TableReader::TableReader(const toml::table& table, std::string path, Place place, Diagnostics& diag,
                         std::span<const std::string_view> allowed)
    : table_(&table), path_(std::move(path)), place_(place), diag_(&diag), allowed_(allowed) {}

TableReader::TableReader(const Value& value, std::span<const std::string_view> allowed)
    : TableReader(*value.node()->as_table(), value.key(), value.place(), value.diag(), allowed) {}

Value TableReader::get(std::string_view key) const {
  return Value(table_->get(key), join_key(path_, key), place_, *diag_);
}

Value TableReader::required(std::string_view key, std::string_view expected) const {
  Value v = get(key);
  if (!v) diag_->error(place_, v.key(), "missing required key: expected " + std::string(expected));
  return v;
}

void TableReader::report_unknown_keys() const {
  std::vector<std::string> candidates(allowed_.begin(), allowed_.end());
  for (auto&& [key, value] : *table_) {
    std::string_view k = key.str();
    if (std::find(allowed_.begin(), allowed_.end(), k) != allowed_.end() || handled_.contains(k)) continue;
    std::string where = path_.empty() ? "at the top level" : "in " + path_;
    std::string hint = did_you_mean(k, candidates);
    if (hint.empty()) hint = "; expected one of: " + comma_list(allowed_);
    Place at = place_of(key.source());
    diag_->error(at.line > 0 ? at : place_, join_key(path_, k), "unknown key '" + std::string(k) + "' " + where + hint);
  }
}

void for_each_named_table(const TableReader& root, std::string_view section, std::string_view example,
                          const std::function<void(const std::string&, const Value&)>& fn) {
  Value v = root.get(section);
  const auto* table = v.table(example);
  if (table == nullptr) return;
  for (auto&& [key, node] : *table) {
    Value entry(&node, join_key(v.key(), key.str()), v.place(), v.diag());
    if (entry.table(example)) fn(std::string(key.str()), entry);
  }
}

}  // namespace touchbase::config_detail

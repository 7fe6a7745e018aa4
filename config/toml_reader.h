#pragma once
// Typed reads from a parsed toml++ document that record, instead of throwing,
// what was wrong and where. Everything here holds non-owning pointers into
// the parsed document and the Diagnostics, which must outlive it.

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/diagnostics.h"
#include "core/time.h"
#include "core/window.h"

namespace touchbase::config_detail {

Place place_of(const toml::source_region& region);

// "a string", "an integer", ...: the type of `node`, for "got ..." messages.
std::string_view type_name(const toml::node& node);

// `parent.key`, quoting keys that are not bare TOML keys: notifiers."a b".
std::string join_key(std::string_view parent, std::string_view key);

// One value (or its absence) with its dotted key. Each read returns nullopt
// when the value is absent (no error) or wrong (the error is recorded).
class Value {
 public:
  Value(const toml::node* node, std::string key, Place fallback, Diagnostics& diag)
      : node_(node), key_(std::move(key)), fallback_(fallback), diag_(&diag) {}

  bool present() const { return node_ != nullptr; }
  explicit operator bool() const { return present(); }
  const toml::node* node() const { return node_; }
  const std::string& key() const { return key_; }
  // The value's position, else the enclosing table's.
  Place place() const;
  Diagnostics& diag() const { return *diag_; }
  void error(std::string message) const;

  // `expected` completes "expected ..., got an integer".
  std::optional<std::string> string(std::string_view expected = "a string") const;
  std::optional<std::string> non_empty_string(std::string_view expected = "a string") const;
  std::optional<bool> boolean() const;
  // An integer in [min, max].
  std::optional<int> integer(int min, int max) const;
  std::optional<double> number() const;  // a float or an integer
  std::optional<Seconds> duration() const;
  std::optional<Date> date() const;
  std::optional<std::string> zone() const;  // a known IANA zone name
  std::optional<DaySet> days() const;
  std::optional<std::vector<HourRange>> hours() const;
  std::optional<std::vector<std::string>> strings(std::string_view expected = "an array of strings") const;
  const toml::table* table(std::string_view expected = "a table") const;
  const toml::array* array(std::string_view expected = "an array") const;

  // Element `i` of `array`, which is this value: key "steps[1]".
  Value element(const toml::array& array, std::size_t i) const;

 private:
  // Records "expected ..., got <type>"; returns false.
  bool type_error(std::string_view expected) const;

  const toml::node* node_;
  std::string key_;
  Place fallback_;
  Diagnostics* diag_;
};

// A table whose keys are known in advance: reads mark nothing, and
// report_unknown_keys() names every key that is neither allowed nor handled,
// with the nearest allowed key.
class TableReader {
 public:
  // `allowed` must outlive the reader (a static array of names).
  TableReader(const toml::table& table, std::string path, Place place, Diagnostics& diag,
              std::span<const std::string_view> allowed);
  // The table held by `value`; REQUIRES: value.node() is a table.
  TableReader(const Value& value, std::span<const std::string_view> allowed);

  Value get(std::string_view key) const;
  // As get(), recording "missing required key" at the table when absent.
  Value required(std::string_view key, std::string_view expected) const;
  bool has(std::string_view key) const { return table_->contains(key); }

  // The key (and its value) has been dealt with: report_unknown_keys() skips it.
  void handled(std::string_view key) { handled_.insert(std::string(key)); }
  void report_unknown_keys() const;

  const toml::table& table() const { return *table_; }
  const std::string& path() const { return path_; }
  Place place() const { return place_; }
  Diagnostics& diag() const { return *diag_; }

 private:
  const toml::table* table_;
  std::string path_;
  Place place_;
  Diagnostics* diag_;
  std::span<const std::string_view> allowed_;
  std::set<std::string, std::less<>> handled_;
};

// Calls `fn(name, value)` for each entry of root[section] ([owners.alice]),
// after checking that the entry is a table; `example` completes "expected ...".
void for_each_named_table(const TableReader& root, std::string_view section, std::string_view example,
                          const std::function<void(const std::string&, const Value&)>& fn);

}  // namespace touchbase::config_detail

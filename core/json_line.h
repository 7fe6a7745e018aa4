#pragma once
// One JSON object written straight to text, byte for byte as nlohmann::json's
// dump() writes the same object (members in key order, strings escaped alike,
// text that is not UTF-8 replaced as core/json_string.h says), without building
// one first: every `--json` output of touchbase is written with it, one object
// a line.
//
// Keys must outlive end(). A key given twice keeps its first value, as in an
// nlohmann::json built from an initializer list.

#include <string>
#include <string_view>
#include <vector>

namespace touchbase {

// A finite double as the shortest text that reads back as it, laid out as
// nlohmann::json lays it out (48000.0, 0.25, 1e+16): the same text as
// nlohmann's for every value of up to 15 significant digits.
std::string format_json_number(double value);

class JsonLine {
 public:
  void add_string(std::string_view key, std::string_view value);
  // null when `value` is empty.
  void add_string_or_null(std::string_view key, std::string_view value);
  void add_int(std::string_view key, long long value);
  // format_json_number(value). REQUIRES: value is finite.
  void add_number(std::string_view key, double value);
  void add_bool(std::string_view key, bool value);
  void add_null(std::string_view key);
  void add_string_array(std::string_view key, const std::vector<std::string>& values);
  // A value already written as JSON text: an object or array made by another JsonLine (end_value).
  void add_json(std::string_view key, std::string_view json);

  // Appends the object and a newline to `out`, and starts the next object.
  void end(std::string& out);
  // The object alone, without a newline, and starts the next object.
  std::string end_value();

 private:
  struct Member {
    std::string_view key;
    std::size_t begin = 0;  // the value's text in values_
    std::size_t end = 0;
  };
  void add_text(std::string_view key, std::string_view text);
  void append_object(std::string& out);

  std::vector<Member> members_;
  std::string values_;
};

}  // namespace touchbase

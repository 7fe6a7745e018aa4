#pragma once
// One JSON object written straight to text, byte for byte as nlohmann::json's
// dump() writes the same object (members in key order, strings escaped alike,
// an exception for a string that is not UTF-8), without building one first:
// for commands that print many objects, one a line.
//
// Keys must outlive end(). A key given twice keeps its first value, as in an
// nlohmann::json built from an initializer list.

#include <string>
#include <string_view>
#include <vector>

namespace touchbase {

class JsonLine {
 public:
  void add_string(std::string_view key, std::string_view value);
  // null when `value` is empty.
  void add_string_or_null(std::string_view key, std::string_view value);
  void add_int(std::string_view key, long long value);
  void add_bool(std::string_view key, bool value);
  void add_null(std::string_view key);

  // Appends the object and a newline to `out`, and starts the next object.
  void end(std::string& out);

 private:
  struct Member {
    std::string_view key;
    std::size_t begin = 0;  // the value's text in values_
    std::size_t end = 0;
  };
  void add_text(std::string_view key, std::string_view text);

  std::vector<Member> members_;
  std::string values_;
};

}  // namespace touchbase

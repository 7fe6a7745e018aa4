#pragma once
// The header block of a message read from outside: RFC 5322 fields,
// unfolded. Nothing here trusts its input: sizes and counts are bounded and
// any bytes are accepted.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace touchbase {

inline constexpr std::size_t k_max_header_fields = 200;
inline constexpr std::size_t k_max_field_value = 4096;  // bytes kept of one unfolded value

struct HeaderField {
  std::string name;   // lower case: "subject"
  std::string value;  // unfolded (line breaks of continuation lines removed), leading blanks trimmed
};

// The fields of `block`, in order. Lines end with CRLF or LF; a line that
// starts with a space or tab continues the field before it. Lines without a
// colon, or whose name is empty or holds a blank, are dropped. Reading stops at the
// first empty line (the end of the header) and after k_max_header_fields fields;
// values are cut at k_max_field_value bytes.
std::vector<HeaderField> parse_header_fields(std::string_view block);

// The value of the first field called `name` (any case), or nullptr.
const std::string* find_field(const std::vector<HeaderField>& fields, std::string_view name);

// ASCII lower case of `text`.
std::string ascii_lower(std::string_view text);

// `text` without leading and trailing spaces and tabs.
std::string_view trim_blanks(std::string_view text);

}  // namespace touchbase

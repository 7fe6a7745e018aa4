#pragma once
// A JSON string written straight to text, byte for byte as nlohmann::json's
// dump(-1, ' ', false, error_handler_t::replace) writes it, without building a
// json value first: for text written often (every webhook body, every line of
// `touchbase plan --json`), where the value and nlohmann's byte-by-byte
// escaping cost more than the rest.
//
// Text that is not UTF-8 never fails: each maximal ill-formed subsequence
// (Unicode 15, 3.9) becomes U+FFFD, as nlohmann replaces it. The output is
// always valid UTF-8 and valid JSON.

#include <string>
#include <string_view>

namespace touchbase {

// Appends `text` to `out`, quoted and escaped as nlohmann::json does with
// ensure_ascii off.
void append_json_string(std::string& out, std::string_view text);

// The same as a new string.
std::string json_string(std::string_view text);

}  // namespace touchbase

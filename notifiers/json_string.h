#pragma once
// A JSON string written straight to text, byte for byte as nlohmann::json's
// dump() writes it, without building a json value first: for text written
// often (every webhook body, every line of `touchbase plan --json`), where the
// value and nlohmann's byte-by-byte escaping cost more than the rest.

#include <string>
#include <string_view>

namespace touchbase {

// What to do with text that is not UTF-8: throw nlohmann::json::type_error as
// dump() does, or replace each bad byte with U+FFFD as
// dump(..., error_handler_t::replace) does.
enum class InvalidUtf8 { throw_error, replace };

// Appends `text` to `out`, quoted and escaped as nlohmann::json does with
// ensure_ascii off. When it throws, `out` is as it was.
void append_json_string(std::string& out, std::string_view text, InvalidUtf8 invalid = InvalidUtf8::throw_error);

}  // namespace touchbase

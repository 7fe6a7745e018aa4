#pragma once
// The text of a talking point: literal text with placeholders in braces,
// "{first_name}", and "{{" / "}}" for a literal brace. Parsed when the config
// is read, so an unknown placeholder is a config error and not a blank.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "config/diagnostics.h"
#include "core/result.h"

namespace touchbase::config_detail {

// What is wrong with a text, and at which of its braces.
struct TextError {
  // The 0-based number of the offending brace among the text's single braces:
  // "{{" and "}}" are not counted, each placeholder counts its "{" and "}".
  std::size_t brace = 0;
  std::string message;
};

// `text` split at its placeholders. Errors: an unknown or empty placeholder,
// a "{" without its "}", a single "}".
Result<std::vector<TextPiece>, TextError> parse_point_text(std::string_view text);

// Where brace number `brace` (as in TextError) is in `source`, the whole
// config file, given that the string value holding the text starts at
// `start` (its opening quote). `start` itself when the brace cannot be found
// there (a brace written as an escape, \u007B).
Place place_of_brace(std::string_view source, Place start, std::size_t brace);

}  // namespace touchbase::config_detail

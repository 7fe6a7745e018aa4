#pragma once
// Where a contact or an owner is, for the holidays that apply to them: a
// code in the style of ISO 3166-2, a country ("US") or a country and one of
// its subdivisions ("US-NY", "DE-BE", "FR-75C").

#include <string>
#include <string_view>

#include "core/result.h"

namespace touchbase {

// The region `text` names, in capitals: two letters (the country), optionally
// followed by a hyphen and one to three letters or digits (the subdivision);
// letters in any case. Errc::data says what was expected.
Result<std::string> parse_region(std::string_view text);

// The country of a region, its first two letters: "US" for "US-NY" and for "US".
std::string_view region_country(std::string_view region);

}  // namespace touchbase

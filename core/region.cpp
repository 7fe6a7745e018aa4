#include "core/region.h"

#include <algorithm>

namespace touchbase {
namespace {

constexpr std::size_t k_country_length = 2;
constexpr std::size_t k_max_subdivision_length = 3;

bool is_ascii_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool is_ascii_alnum(char c) {
  return is_ascii_letter(c) || (c >= '0' && c <= '9');
}

char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

bool is_region(std::string_view text) {
  if (text.size() < k_country_length) return false;
  const std::string_view country = text.substr(0, k_country_length);
  if (!std::all_of(country.begin(), country.end(), is_ascii_letter)) return false;
  if (text.size() == k_country_length) return true;
  const std::string_view subdivision = text.substr(k_country_length + 1);
  return text[k_country_length] == '-' && !subdivision.empty() && subdivision.size() <= k_max_subdivision_length &&
         std::all_of(subdivision.begin(), subdivision.end(), is_ascii_alnum);
}

}  // namespace

Result<std::string> parse_region(std::string_view text) {
  if (!is_region(text)) {
    return Error::data("'" + std::string(text) +
                       "' is not a region: expected an ISO 3166-2 code like US, US-NY or DE-BE (a country's two "
                       "letters, then optionally '-' and up to three letters or digits)");
  }
  std::string region(text);
  std::transform(region.begin(), region.end(), region.begin(), upper);
  return region;
}

std::string_view region_country(std::string_view region) {
  return region.substr(0, k_country_length);
}

}  // namespace touchbase

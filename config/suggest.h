#pragma once
// "Did you mean ...?": the nearest valid name to a misspelt one.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace touchbase::config_detail {

// Edits (insert, delete, substitute, or swap two adjacent letters) that turn
// `a` into `b`, ignoring case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if it is near enough to be a likely typo.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'steps'?" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "a, b or c".
std::string one_of(const std::vector<std::string>& names);

}  // namespace touchbase::config_detail

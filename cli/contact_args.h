#pragma once
// What the salesperson's commands read from their arguments: a contact named
// by id, email or part of the name, and moments written the short ways
// people write them.

#include <string_view>

#include "config/config.h"
#include "core/contact.h"
#include "core/result.h"
#include "store/store.h"

namespace touchbase {

// How many candidates an ambiguous name lists.
inline constexpr std::size_t k_max_candidates_listed = 10;

// The contact `name` names, among those not removed: the one with that id;
// else those whose email is `name`, without regard to case; else those whose
// name contains `name`, without regard to ASCII case. Errc::no_input when
// none does; Errc::data listing the candidates when several do.
Result<Contact> find_named_contact(Store& store, std::string_view name);

// RFC 3339, or a date ("2026-11-30") meaning its first instant in `zone`.
Result<Instant> parse_moment(std::string_view text, const date::time_zone& zone);
// The same, or a duration ("3d", "2w") counted from `now`.
Result<Instant> parse_until(std::string_view text, Instant now, const date::time_zone& zone);

}  // namespace touchbase

#pragma once
// A contact's fields as text: the columns of an import or export file, and
// the rules each value must follow. `contact add`/`edit` flags use the same
// rules.

#include <set>
#include <string>
#include <string_view>

#include "core/contact.h"
#include "core/result.h"

namespace touchbase {

// The columns of a contacts file.
inline constexpr std::string_view k_contact_columns[] = {
    "id",     "name",   "email",   "phone", "company", "title", "owner",      "timezone",
    "region", "window", "cadence", "stage", "tags",    "value", "last_touch", "notes"};
// The state `touchbase export` adds, so that an export imports back as it was.
inline constexpr std::string_view k_state_columns[] = {"status",    "paused_until",   "cadence_since",
                                                       "next_step", "next_step_date", "bounced_at"};

// One of k_contact_columns or k_state_columns (exactly, in lower case).
bool is_contact_column(std::string_view name);

// What a row may refer to. An empty set accepts any name.
struct ImportRules {
  std::set<std::string, std::less<>> owners;
  std::set<std::string, std::less<>> cadences;
};

// `text` without leading and trailing spaces and tabs.
std::string trim_field(std::string_view text);

// Sets `column` (any column but id) from its text, checked. An empty value
// clears the field (status: active). Tags are separated by commas or
// semicolons; value is a number >= 0; last_touch, paused_until and
// cadence_since are RFC 3339 or a date; next_step_date is a date; window is
// like "mon-fri 16:00-17:30"; region is as parse_region (core/region.h) takes
// it and is stored in capitals; owner and cadence must be in `rules`; status
// is a ContactStatus name. Errc::data says what was expected.
Status set_contact_field(Contact& c, std::string_view column, std::string_view value, const ImportRules& rules);

}  // namespace touchbase

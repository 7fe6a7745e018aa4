#pragma once
// The Date field of received mail (RFC 5322 section 3.3, with its obsolete forms).

#include <optional>
#include <string_view>

#include "core/time.h"

namespace touchbase {

// "Tue, 3 Mar 2026 10:00:00 +0100" as a UTC instant. Accepts a missing
// weekday and seconds, comments, two-digit years (below 50: 20xx), and the
// obsolete zone names (UT, GMT, Z, EST ... PDT; any other name is +0000).
// nullopt when the text is not a date or names an impossible one.
std::optional<Instant> parse_mail_date(std::string_view text);

}  // namespace touchbase

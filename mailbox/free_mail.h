#pragma once
// Domains anyone can have an address at: matching "anyone at the contact's
// domain" (match = "domain") never applies to them.

#include <string_view>

namespace touchbase {

// Whether `domain` (any case) is one of the common free-mail domains.
bool is_free_mail_domain(std::string_view domain);

}  // namespace touchbase

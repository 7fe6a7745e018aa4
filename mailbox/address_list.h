#pragma once
// Address lists of received mail (From, To, Cc): RFC 5322 mailboxes with
// display names, quoted strings, comments, angle addresses and groups,
// read leniently and bounded.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace touchbase {

inline constexpr std::size_t k_max_addresses = 100;  // per field

struct MailAddress {
  std::string name;     // display name, encoded words decoded; may be empty
  std::string address;  // "local@domain", lower case
};

// The mailboxes of `value`, in order, at most k_max_addresses. Parts that are
// not a local@domain address (a group's name, "undisclosed-recipients:;",
// garbage) are skipped.
std::vector<MailAddress> parse_address_list(std::string_view value);

// The domain of "local@domain" (lower case), or "" when there is none.
std::string_view domain_of(std::string_view address);

// The local part of "local@domain".
std::string_view local_part_of(std::string_view address);

// Whether `text` is a plain local@domain address: one '@', non-empty sides,
// no blanks, controls, quotes, angle brackets or commas, a dot-separated domain.
bool is_plain_address(std::string_view text);

}  // namespace touchbase

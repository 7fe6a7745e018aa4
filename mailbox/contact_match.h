#pragma once
// Which look-ups find the contacts a message concerns: each address it
// names, and with matching by domain each address's domain too -- never a
// free-mail domain, where anyone can have an address.

#include <string>
#include <vector>

namespace touchbase {

enum class MatchBy { address, domain };

struct ContactLookup {
  std::vector<std::string> addresses;  // as given (lower case, without repeats)
  std::vector<std::string> domains;    // without repeats; empty with MatchBy::address
};

ContactLookup contact_lookup(const std::vector<std::string>& addresses, MatchBy match);

}  // namespace touchbase

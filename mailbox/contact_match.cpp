#include "mailbox/contact_match.h"

#include <algorithm>

#include "mailbox/address_list.h"
#include "mailbox/free_mail.h"

namespace touchbase {

ContactLookup contact_lookup(const std::vector<std::string>& addresses, MatchBy match) {
  ContactLookup lookup{addresses, {}};
  if (match != MatchBy::domain) return lookup;
  for (const auto& address : addresses) {
    const std::string domain(domain_of(address));
    if (domain.empty() || is_free_mail_domain(domain)) continue;
    if (std::find(lookup.domains.begin(), lookup.domains.end(), domain) == lookup.domains.end()) {
      lookup.domains.push_back(domain);
    }
  }
  return lookup;
}

}  // namespace touchbase

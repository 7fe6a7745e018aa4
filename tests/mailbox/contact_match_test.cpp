// The look-ups for a message's contacts: addresses, and domains only when
// matching by domain and never a free-mail one.

#include "mailbox/contact_match.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

const std::vector<std::string> k_addresses = {"jane@acme.example", "joe@acme.example", "kim@gmail.com",
                                              "lee@other.example"};

TEST(ContactLookup, ByAddressLooksUpOnlyTheAddresses) {
  const auto lookup = contact_lookup(k_addresses, MatchBy::address);
  EXPECT_EQ(lookup.addresses, k_addresses);
  EXPECT_TRUE(lookup.domains.empty());
}

TEST(ContactLookup, ByDomainAddsEachDomainOnceButNeverFreeMail) {
  const auto lookup = contact_lookup(k_addresses, MatchBy::domain);
  EXPECT_EQ(lookup.addresses, k_addresses);
  EXPECT_EQ(lookup.domains, (std::vector<std::string>{"acme.example", "other.example"}));
}

}  // namespace
}  // namespace touchbase

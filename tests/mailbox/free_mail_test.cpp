// Free-mail domains, which never match a contact by domain.

#include "mailbox/free_mail.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace touchbase {
namespace {

TEST(IsFreeMailDomain, KnowsTheCommonProvidersInAnyCase) {
  EXPECT_TRUE(is_free_mail_domain("gmail.com"));
  EXPECT_TRUE(is_free_mail_domain("Outlook.COM"));
  EXPECT_TRUE(is_free_mail_domain("aol.com"));
  EXPECT_TRUE(is_free_mail_domain("zoho.com"));
  EXPECT_FALSE(is_free_mail_domain("acme.example"));
  EXPECT_FALSE(is_free_mail_domain("mail.acme.example"));
  EXPECT_FALSE(is_free_mail_domain(""));
}

}  // namespace
}  // namespace touchbase

#include "mailbox/free_mail.h"

#include <algorithm>
#include <array>

#include "mailbox/header_fields.h"

namespace touchbase {
namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 36> k_free_mail_domains = {
    "aol.com",        "fastmail.com", "gmail.com",     "gmx.com",     "gmx.de",      "gmx.net",
    "googlemail.com", "hey.com",      "hotmail.co.uk", "hotmail.com", "hotmail.fr",  "icloud.com",
    "live.com",       "mac.com",      "mail.com",      "mail.ru",     "me.com",      "msn.com",
    "naver.com",      "orange.fr",    "outlook.com",   "posteo.de",   "proton.me",   "protonmail.com",
    "qq.com",         "t-online.de",  "tutanota.com",  "web.de",      "yahoo.co.jp", "yahoo.co.uk",
    "yahoo.com",      "yahoo.fr",     "yandex.com",    "yandex.ru",   "ymail.com",   "zoho.com"};

static_assert(std::is_sorted(k_free_mail_domains.begin(), k_free_mail_domains.end()));

}  // namespace

bool is_free_mail_domain(std::string_view domain) {
  return std::binary_search(k_free_mail_domains.begin(), k_free_mail_domains.end(), ascii_lower(domain));
}

}  // namespace touchbase

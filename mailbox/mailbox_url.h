#pragma once
// The URL of an owner's mailbox: "imaps://imap.example.com/INBOX" (implicit
// TLS), or "imap://127.0.0.1:1143/INBOX" in plain text, only to a loopback
// host, as for smtp://.

#include <string>
#include <string_view>

#include "core/result.h"

namespace touchbase {

struct MailboxUrl {
  std::string server;  // "imaps://imap.example.com:993/": scheme, host and port, no folder
  std::string folder;  // "INBOX" when the URL names none
};

// Checks and splits the URL. Credentials, a query or a fragment in it are
// refused. Errors say what is wrong without repeating the URL.
Result<MailboxUrl> parse_mailbox_url(std::string_view url);

}  // namespace touchbase

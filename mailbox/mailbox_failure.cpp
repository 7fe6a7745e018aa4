#include "mailbox/mailbox_failure.h"

#include "core/utf8.h"

namespace touchbase {

MailboxFailure MailboxFailure::permanent(std::string m) {
  return {Kind::permanent, printable(m, LineFeeds::escape)};
}

MailboxFailure MailboxFailure::transient(std::string m) {
  return {Kind::transient, printable(m, LineFeeds::escape)};
}

}  // namespace touchbase

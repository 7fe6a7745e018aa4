#pragma once
// Why reading a mailbox failed, and whether trying again can help: a login
// refused, a certificate that does not verify or a folder that does not
// exist are permanent (the owner must change something); a connection
// refused or timed out, or a server that answered strangely, transient.
// Messages never hold a password.

#include <string>

#include "core/result.h"

namespace touchbase {

struct MailboxFailure {
  enum class Kind { permanent, transient };
  Kind kind = Kind::transient;
  std::string message;           // one printable line
  bool command_refused = false;  // the server answered the command NO or BAD

  static MailboxFailure permanent(std::string m);
  static MailboxFailure transient(std::string m);
};

template <class T>
using MailboxResult = Result<T, MailboxFailure>;

}  // namespace touchbase

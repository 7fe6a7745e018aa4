#pragma once
// The seam between reading a mailbox and running its commands: the daemon
// runs them on its curl multi handle (never blocking its loop), commands and
// tests one after the other with curl_easy_perform.
//
// Commands given to one connection run in order and on one IMAP connection
// while the server keeps it open: a folder opened by EXAMINE stays open for
// the commands that follow. A caller gives the next command only once the
// last one is done, and never shares a connection between two readers.

#include <curl/curl.h>

#include <functional>

#include "mailbox/imap_exchange.h"

namespace touchbase {

class ImapConnection {
 public:
  using Done = std::function<void(MailboxResult<ImapReply>)>;
  virtual ~ImapConnection() = default;
  // Runs the command (logging in first on a new connection) and calls `done`
  // exactly once with its reply, possibly before run() returns.
  virtual void run(ImapCommand command, Done done) = 0;
};

// Each command in turn with curl_easy_perform on one easy handle, which
// keeps the connection open between commands. For commands and tests: run() blocks.
class BlockingImapConnection final : public ImapConnection {
 public:
  // Throws std::bad_alloc if libcurl cannot make a handle.
  explicit BlockingImapConnection(ImapSession session);
  ~BlockingImapConnection() override;
  BlockingImapConnection(const BlockingImapConnection&) = delete;
  BlockingImapConnection& operator=(const BlockingImapConnection&) = delete;

  void run(ImapCommand command, Done done) override;

 private:
  ImapSession session_;
  CURL* easy_;
};

}  // namespace touchbase

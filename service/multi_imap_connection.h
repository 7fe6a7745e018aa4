#pragma once
// An ImapConnection whose commands run as transfers on a CurlMulti, so that
// reading a mailbox never blocks the daemon's loop. The multi handle keeps
// the IMAP connection open between commands (a folder opened by EXAMINE stays
// open); one connection runs one command at a time (ImapConnection's contract).
//
// Confined to the CurlMulti's io_context thread.

#include "mailbox/imap_connection.h"
#include "notifiers/curl_multi.h"

namespace touchbase {

class MultiImapConnection final : public ImapConnection {
 public:
  // `curl` must outlive the connection and the commands it started.
  MultiImapConnection(CurlMulti& curl, ImapSession session) : curl_(curl), session_(std::move(session)) {}

  // `done` is called on the io_context, never from within run().
  void run(ImapCommand command, Done done) override;

 private:
  CurlMulti& curl_;
  ImapSession session_;
};

}  // namespace touchbase

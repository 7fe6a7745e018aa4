#pragma once
// One poll of an owner's mailbox: for its folder and then its `sent` folder,
// the mark stored for it (store: mailbox_mark), a scan of what is new since
// (mailbox/folder_scan.h), the messages recorded (MailRecorder), and the new
// mark stored -- after the messages, so that a poll cut short reads them
// again and Message-IDs keep them from being recorded twice.

#include <functional>
#include <string>

#include "inbox/mail_recorder.h"
#include "mailbox/imap_connection.h"

namespace touchbase {

struct PollOutcome {
  MailRecord recorded;
  bool more = false;  // a folder had more new messages than one scan reads: poll again soon
};

using PollDone = std::function<void(MailboxResult<PollOutcome>)>;

// REQUIRES: `owner` has a mailbox whose URL parse_mailbox_url accepts.
// `connection`, `store` and `config` outlive the poll; `done` is called once.
// A store failure is a transient failure.
void poll_mailbox(ImapConnection& connection, Store& store, const Config& config, const std::string& owner, Instant now,
                  PollDone done);

}  // namespace touchbase

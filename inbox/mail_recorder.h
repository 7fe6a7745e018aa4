#pragma once
// What the owner's mail says, recorded in the store. A message is recorded
// once per owner and Message-ID, in one transaction with what it changes:
//   a reply from a contact   a touch `replied` (source mailbox) at its Date,
//                            kept between the contact's last touch and now,
//                            its subject as the note; the cadence's on_reply
//                            applies as for `touchbase log` (apply_touch), and
//                            the owner gets a notice: "Jane Doe replied: Re:
//                            pricing — follow-ups paused"
//   an automatic reply       a line in the contact's notes, nothing else
//   a bounce                 the contact's bounced_at
//   mail the owner sent      a touch `touched` (source sent) at its Date
// Contacts are found by address, or also by domain (never a free-mail one)
// as the owner's mailbox says.

#include <string>
#include <vector>

#include "config/config.h"
#include "mailbox/classify.h"
#include "mailbox/contact_match.h"
#include "mailbox/folder_scan.h"
#include "store/store.h"

namespace touchbase {

inline constexpr int k_max_contacts_per_domain = 20;

// What recording a folder did.
struct MailRecord {
  int touches = 0;
  int notes = 0;
  int bounces = 0;
  int notices = 0;
};

// The `owner` values of the owner's contacts: its id, and "" when the
// contacts that name no owner fall to it.
std::vector<std::string> contact_owners(const Config& config, const std::string& owner);

// The contacts of `owners` a classified message concerns, without repeats.
Result<std::vector<Contact>> contacts_concerned(Store& store, std::span<const std::string> owners,
                                                const Classification& what, MatchBy match);

class MailRecorder {
 public:
  // REQUIRES: `owner` names an owner with a mailbox. `config` and `store` outlive the recorder.
  MailRecorder(const Config& config, Store& store, std::string owner);

  // Records the messages of one folder's scan at `now`.
  Result<MailRecord> record(const FolderScan& scan, const std::string& folder, FolderRole role, Instant now);

 private:
  Status record_message(const ScannedMessage& message, const std::string& key, FolderRole role, Instant now,
                        MailRecord& out);
  Status apply(const Classification& what, Contact contact, const MailHeader& header, Instant now, MailRecord& out);
  Status log_mail_touch(Contact contact, const MailHeader& header, const Touch& touch, Instant now, MailRecord& out);
  Status notify_reply(const Contact& contact, const MailHeader& header, const std::string& effect, Instant now);

  const Config& config_;
  Store& store_;
  std::string owner_;
  std::vector<std::string> owners_;
  MatchBy match_;
};

}  // namespace touchbase

#pragma once
// What a message read from the owner's mailbox says about contacts: a reply,
// an automatic reply, a bounce, mail the owner sent, or nothing. Pure:
// contacts are matched later, against the addresses returned here.

#include <string>
#include <string_view>
#include <vector>

#include "mailbox/mail_header.h"

namespace touchbase {

inline constexpr std::size_t k_max_report_bytes = 64 * 1024;  // of a bounce's body, fetched and read
inline constexpr std::size_t k_max_bounced_addresses = 20;

// Which configured folder a message was read from.
enum class FolderRole { inbox, sent };

enum class MessageKind {
  reply,            // from `addresses` (From)
  automatic_reply,  // from `addresses`: Auto-Submitted other than "no", X-Autoreply/X-Autorespond,
                    // Precedence bulk|junk|list|auto_reply, or List-Id
  bounce,           // `addresses` could not be delivered to
  sent,             // the owner wrote to `addresses` (To and Cc)
  unrelated,        // nothing to record (a bounce that names no address)
};

struct Classification {
  MessageKind kind = MessageKind::unrelated;
  std::vector<std::string> addresses;  // lower case, without repeats
};

// Whether the message may be a bounce, so that its body is worth fetching:
// a multipart/report, or mail from MAILER-DAEMON or postmaster.
bool may_be_bounce(const MailHeader& header);

// `report` is the message's body (at most k_max_report_bytes) when
// may_be_bounce() said so, else empty. A bounce is a multipart/report with
// report-type=delivery-status whose Final-Recipient fields have Action
// failed, or a message from MAILER-DAEMON or postmaster naming addresses in
// its body; a delivery-status report that delays but does not fail, or a
// read receipt, is unrelated.
Classification classify(const MailHeader& header, std::string_view report, FolderRole folder);

// The Final-Recipient addresses of a delivery-status report whose Action is "failed".
std::vector<std::string> failed_recipients(std::string_view report);

// The addresses written anywhere in `text`, lower case, in order, without repeats, at most `limit`.
std::vector<std::string> addresses_in_text(std::string_view text, std::size_t limit);

}  // namespace touchbase

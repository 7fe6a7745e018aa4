#pragma once
// What the mailbox reader keeps of a message's header: the fields it fetches
// (k_fetched_fields), parsed.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "mailbox/address_list.h"

namespace touchbase {

// The fields fetched for each message, as named in the IMAP request.
inline constexpr std::string_view k_fetched_fields =
    "FROM TO CC DATE SUBJECT MESSAGE-ID AUTO-SUBMITTED X-AUTOREPLY X-AUTORESPOND PRECEDENCE LIST-ID CONTENT-TYPE";

struct MailHeader {
  std::vector<MailAddress> from;
  std::vector<MailAddress> to;
  std::vector<MailAddress> cc;
  std::optional<Instant> date;
  std::string subject;         // decoded, one printable line
  std::string message_id;      // "<id@host>" as written, or "" when missing
  std::string auto_submitted;  // lower case token ("auto-replied"), "" when missing
  bool x_autoreply = false;    // X-Autoreply or X-Autorespond present
  std::string precedence;      // lower case, "" when missing
  bool list_id = false;        // List-Id present
  std::string content_type;    // lower case media type ("multipart/report"), "" when missing
  std::string report_type;     // lower case report-type parameter, "" when missing
};

// Reads the fields above out of a header block (see parse_header_fields).
MailHeader read_mail_header(std::string_view block);

}  // namespace touchbase

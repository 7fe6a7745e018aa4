#pragma once
// Reading what is new in one folder, read-only: EXAMINE (for its
// UIDVALIDITY), UID SEARCH for the UIDs after the last one seen (or SINCE a
// day when the folder is new to us or was renumbered), then for each message
// one UID FETCH of BODY.PEEK[HEADER.FIELDS (...)] -- and, for a message that
// may be a bounce, BODY.PEEK[TEXT] up to k_max_report_bytes, on a connection
// closed after it (a body could hold a forged tagged line). Nothing is marked
// seen, moved or deleted.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "mailbox/imap_connection.h"
#include "mailbox/imap_reply.h"
#include "mailbox/mail_header.h"

namespace touchbase {

inline constexpr std::size_t k_default_messages_per_scan = 200;
inline constexpr std::size_t k_max_folders_listed = 500;

// Where reading a folder got to.
struct FolderMark {
  Uid uidvalidity = 0;
  Uid last_uid = 0;  // every message up to it was read
  friend bool operator==(const FolderMark&, const FolderMark&) = default;
};

struct ScannedMessage {
  Uid uid = 0;
  MailHeader header;
  std::string report;  // the body, when may_be_bounce(header); else empty
};

struct FolderScan {
  FolderMark mark;             // to keep for the next scan
  bool renumbered = false;     // a mark was given and the folder's UIDVALIDITY differs: read again since `since`
  bool more = false;           // more messages wait than one scan reads: scan again soon
  std::size_t unreadable = 0;  // messages skipped: header larger than a reply may be, or gone meanwhile
  std::vector<ScannedMessage> messages;  // ascending UID
};

struct ScanRequest {
  std::string folder;
  std::optional<FolderMark> last;  // none: the folder was never read
  date::sys_days since;            // the first day read when there is no usable mark
  std::size_t max_messages = k_default_messages_per_scan;
};

using ScanDone = std::function<void(MailboxResult<FolderScan>)>;

// Reads the folder through `connection`, then calls `done` once. A folder
// the server will not open is a permanent failure. REQUIRES: `connection`
// outlives the scan and runs nothing else until `done`.
void scan_folder(ImapConnection& connection, ScanRequest request, ScanDone done);

// The folders the account has (LIST "" "*"), at most k_max_folders_listed.
void list_folders(ImapConnection& connection, std::function<void(MailboxResult<std::vector<std::string>>)> done);

}  // namespace touchbase

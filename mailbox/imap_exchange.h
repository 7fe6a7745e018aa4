#pragma once
// One IMAP command as one libcurl transfer, and what came back.
//
// Every command is a custom request (CURLOPT_CUSTOMREQUEST) to the server's
// URL without a folder: libcurl logs in when the connection is new and then
// sends the command as written, nothing else (with a folder in the URL it
// would SELECT it, read-write). A folder is opened by an "EXAMINE" command
// and stays open on the connection for the commands that follow.
//
// libcurl 7.88 (Debian 12) hands an untagged response line to the write
// callback but a literal's bytes ("* 3 FETCH (UID 7 BODY[...] {412}" and the
// 412 bytes after it) only to the header callback, line by line, with every
// other line the server sent: so the reply keeps both streams, each
// bounded. (A URL fetch, ";UID=7;SECTION=HEADER", would send FETCH, not
// BODY.PEEK, and mark the message seen.)

#include <curl/curl.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "mailbox/mailbox_failure.h"
#include "mailbox/mailbox_url.h"

namespace touchbase {

inline constexpr std::size_t k_max_imap_reply = 256 * 1024;  // bytes kept of each stream of one reply
inline constexpr std::chrono::milliseconds k_default_imap_connect_timeout = std::chrono::seconds(10);
inline constexpr std::chrono::milliseconds k_default_imap_command_timeout = std::chrono::seconds(60);

struct ImapSession {
  MailboxUrl url;
  std::string username;
  std::string password;
  std::string ca_file;  // a CA bundle to trust instead of the system's; "" for the system's
  std::chrono::milliseconds connect_timeout = k_default_imap_connect_timeout;
  std::chrono::milliseconds command_timeout = k_default_imap_command_timeout;  // the whole transfer
};

// Whether the connection may carry the next command: a reply whose content
// could hold a forged tagged line (a whole message body) closes it.
enum class ConnectionAfter { kept, closed };

struct ImapCommand {
  std::string text;  // "UID SEARCH UID 8:*", without tag or CRLF
  ConnectionAfter after = ConnectionAfter::kept;
};

struct ImapReply {
  std::string transcript;  // every line the server sent during the transfer, CRLF kept
  std::string untagged;    // the untagged response lines of the command
  bool truncated = false;  // a stream passed k_max_imap_reply and was cut
};

// Holds the buffers the transfer writes to. Thread-compatible.
class ImapExchange {
 public:
  ImapExchange(const ImapSession& session, ImapCommand command);
  ImapExchange(const ImapExchange&) = delete;
  ImapExchange& operator=(const ImapExchange&) = delete;

  // Sets up `easy` for the command. REQUIRES: `this` outlives the transfer.
  void configure(CURL* easy);
  // The reply, or why there is none. Call once, after the transfer ended with `code`.
  MailboxResult<ImapReply> outcome(CURLcode code, std::string_view curl_error);

 private:
  static std::size_t on_transcript(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t on_untagged(char* data, std::size_t size, std::size_t count, void* self);
  void keep(std::string& stream, std::string_view data);

  const ImapSession& session_;
  ImapCommand command_;
  ImapReply reply_;
};

// The failure a transfer that ended with `code` stands for. `last_line` is the
// server's last line (the tagged answer when the command was refused).
MailboxFailure imap_failure(CURLcode code, std::string_view server, std::string_view command,
                            std::string_view curl_error, std::string_view last_line);

}  // namespace touchbase

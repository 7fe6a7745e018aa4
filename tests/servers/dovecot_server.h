#pragma once
// Debian's dovecot (dovecot-imapd) run as a child process on 127.0.0.1 for a
// test: plain IMAP and IMAPS (a self-signed certificate made with openssl) on
// free ports, one passwd-file user, and a Maildir in `dir` that the test
// writes. The master runs as root, as the tests do; logins run as dovenull,
// mail processes as the unprivileged `mail` user, which owns the Maildir.
// The constructor returns once both ports accept connections; the destructor
// stops dovecot's whole process group (a client that connected and said
// nothing keeps a login process, and so the stop, waiting up to 2 s). When dovecot is missing or does not start,
// ready() is false and error() says why: a test asserts ready(), it never skips.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace touchbase::testing {

inline constexpr std::string_view k_dovecot = "/usr/sbin/dovecot";

// Whether a message written to the Maildir is already seen.
enum class Seen { no, yes };

class DovecotServer {
 public:
  // `dir` must exist and outlive the server; it is made traversable by `mail`.
  DovecotServer(const std::filesystem::path& dir, std::string user, std::string password);
  ~DovecotServer();
  DovecotServer(const DovecotServer&) = delete;
  DovecotServer& operator=(const DovecotServer&) = delete;

  bool ready() const { return pid_ > 0; }
  // Why the server is not ready (dovecot's log included).
  const std::string& error() const { return error_; }

  // "imap://127.0.0.1:PORT/" and "imaps://localhost:PORT/", followed by `folder`.
  std::string imap_url(std::string_view folder = "") const;
  std::string imaps_url(std::string_view folder = "") const;
  int imap_port() const { return imap_port_; }
  // The self-signed certificate (PEM), to trust as a CA.
  std::filesystem::path certificate() const;

  // Creates the folder ("Sent"; "" is INBOX) if needed and delivers `message`
  // (RFC 5322 text, CRLF or LF line ends) with `received` as its arrival
  // time (INTERNALDATE).
  void add_message(std::string_view folder, std::string_view message, std::chrono::system_clock::time_point received,
                   Seen seen = Seen::no);
  // The Maildir flags of every message in the folder ("" for none, "S" for
  // seen), in file name order.
  std::vector<std::string> flags(std::string_view folder = "") const;
  // Drops the folder's UID list and indexes: dovecot numbers its messages
  // again under a new UIDVALIDITY, as after a restore.
  void renumber(std::string_view folder = "");

 private:
  void start();
  std::filesystem::path maildir(std::string_view folder) const;

  std::filesystem::path dir_;
  std::string user_;
  std::string password_;
  pid_t pid_ = -1;
  int imap_port_ = 0;
  int imaps_port_ = 0;
  int messages_ = 0;
  std::string error_;
};

}  // namespace touchbase::testing

#include "tests/servers/dovecot_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <thread>

#include "tests/servers/server_process.h"

namespace touchbase::testing {
namespace {

namespace fs = std::filesystem;

constexpr auto k_start_limit = std::chrono::seconds(5);
constexpr auto k_poll_interval = std::chrono::milliseconds(5);
constexpr const char* k_mail_user = "mail";  // Debian's unprivileged owner of mail files
constexpr const char* k_openssl = "/usr/bin/openssl";

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), length) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

// Reads until `expected` arrives; false on a timeout or a closed connection.
bool read_until(int fd, std::string_view expected) {
  std::string seen;
  char buffer[512];
  while (seen.find(expected) == std::string::npos) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    seen.append(buffer, static_cast<std::size_t>(n));
  }
  return true;
}

// True once a login on the plain port succeeds: every process a session
// needs runs, so dovecot has finished starting and stops at once.
bool logs_in(int port, const std::string& user, const std::string& password) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const timeval limit{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  const std::string login = "a LOGIN \"" + user + "\" \"" + password + "\"\r\nb LOGOUT\r\n";
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 && read_until(fd, "* OK") &&
                  ::send(fd, login.data(), login.size(), MSG_NOSIGNAL) > 0 && read_until(fd, "b OK");
  ::close(fd);
  return ok;
}

bool run_to_end(const std::vector<std::string>& argv, const fs::path& log) {
  const pid_t pid = spawn_logged(argv, log);
  if (pid < 0) return false;
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool make_certificate(const fs::path& dir) {
  return run_to_end({k_openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                     "-keyout", (dir / "key.pem").string(), "-out", (dir / "cert.pem").string()},
                    dir / "openssl.log");
}

std::string config_text(const fs::path& dir, int imap_port, int imaps_port) {
  const std::string d = dir.string();
  return "base_dir = " + d + "/run\nstate_dir = " + d + "/state\ninstance_name = touchbase-test-" +
         d.substr(d.size() - 6) + "\nprotocols = imap\nlisten = 127.0.0.1\nlog_path = " + d + "/dovecot.log\n" +
         "ssl = yes\nssl_cert = <" + d + "/cert.pem\nssl_key = <" + d + "/key.pem\n" +
         "disable_plaintext_auth = no\nauth_mechanisms = plain login\nauth_failure_delay = 0\n" +
         "default_login_user = dovenull\ndefault_internal_user = dovecot\n" + "mail_location = maildir:" + d +
         "/mail/Maildir\nmail_uid = " + k_mail_user + "\nmail_gid = " + k_mail_user +
         "\nfirst_valid_uid = 1\nfirst_valid_gid = 1\n" + "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN " +
         d + "/passwd\n}\n" + "userdb {\n  driver = static\n  args = uid=" + k_mail_user + " gid=" + k_mail_user +
         " home=" + d + "/mail\n}\n" +
         "service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = " +
         std::to_string(imap_port) +
         "\n  }\n  inet_listener imaps {\n    address = 127.0.0.1\n    port = " + std::to_string(imaps_port) +
         "\n    ssl = yes\n  }\n}\n";
}

void write_text(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// Hands `path` and everything under it to the mail user.
void give_to_mail_user(const fs::path& path) {
  const passwd* mail = ::getpwnam(k_mail_user);
  if (mail == nullptr) return;
  if (::chown(path.c_str(), mail->pw_uid, mail->pw_gid) != 0) return;
  if (!fs::is_directory(path)) return;
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (::chown(entry.path().c_str(), mail->pw_uid, mail->pw_gid) != 0) return;
  }
}

std::string with_crlf(std::string_view message) {
  std::string out;
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '\n' && (i == 0 || message[i - 1] != '\r')) out += '\r';
    out += message[i];
  }
  return out;
}

}  // namespace

DovecotServer::DovecotServer(const fs::path& dir, std::string user, std::string password)
    : dir_(dir), user_(std::move(user)), password_(std::move(password)) {
  if (::access(k_dovecot.data(), X_OK) != 0) {
    error_ = std::string(k_dovecot) + " is missing: install dovecot-imapd (scripts/install-deps does)";
    return;
  }
  start();
}

DovecotServer::~DovecotServer() {
  if (pid_ > 0) terminate(pid_, ProcessGroup::own);
}

void DovecotServer::start() {
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  for (const char* sub : {"run", "state", "mail/Maildir/cur", "mail/Maildir/new", "mail/Maildir/tmp"}) {
    fs::create_directories(dir_ / sub);
  }
  give_to_mail_user(dir_ / "mail");
  if (!make_certificate(dir_)) {
    error_ = "openssl could not make a certificate: " + slurp(dir_ / "openssl.log");
    return;
  }
  imap_port_ = free_port();
  imaps_port_ = free_port();
  write_text(dir_ / "passwd", user_ + ":{PLAIN}" + password_ + "\n");
  write_text(dir_ / "dovecot.conf", config_text(dir_, imap_port_, imaps_port_));
  pid_ = spawn_logged({std::string(k_dovecot), "-F", "-c", (dir_ / "dovecot.conf").string()}, dir_ / "master.log",
                      ProcessGroup::own);
  const auto deadline = std::chrono::steady_clock::now() + k_start_limit;
  while (pid_ > 0 && std::chrono::steady_clock::now() < deadline) {
    if (logs_in(imap_port_, user_, password_)) return;  // the master listens on both ports before it forks
    if (exited(pid_)) pid_ = -1;
    std::this_thread::sleep_for(k_poll_interval);
  }
  if (pid_ > 0) terminate(pid_, ProcessGroup::own);
  pid_ = -1;
  error_ = "dovecot did not start; its logs:\n" + slurp(dir_ / "master.log") + slurp(dir_ / "dovecot.log");
}

std::string DovecotServer::imap_url(std::string_view folder) const {
  return "imap://127.0.0.1:" + std::to_string(imap_port_) + "/" + std::string(folder);
}

std::string DovecotServer::imaps_url(std::string_view folder) const {
  return "imaps://localhost:" + std::to_string(imaps_port_) + "/" + std::string(folder);
}

fs::path DovecotServer::certificate() const {
  return dir_ / "cert.pem";
}

fs::path DovecotServer::maildir(std::string_view folder) const {
  const fs::path root = dir_ / "mail" / "Maildir";
  return folder.empty() || folder == "INBOX" ? root : root / ("." + std::string(folder));
}

void DovecotServer::add_message(std::string_view folder, std::string_view message,
                                std::chrono::system_clock::time_point received, Seen seen) {
  const fs::path box = maildir(folder);
  for (const char* sub : {"cur", "new", "tmp"}) fs::create_directories(box / sub);
  const int number = ++messages_;
  const std::string name = std::to_string(1'700'000'000 + number) + ".M" + std::to_string(number) + ".test";
  const fs::path staged = box / "tmp" / name;
  write_text(staged, with_crlf(message));
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(received.time_since_epoch()).count();
  const timespec times[2] = {{seconds, 0}, {seconds, 0}};
  ::utimensat(AT_FDCWD, staged.c_str(), times, 0);
  const fs::path delivered = seen == Seen::yes ? box / "cur" / (name + ":2,S") : box / "new" / name;
  fs::rename(staged, delivered);
  give_to_mail_user(dir_ / "mail");
}

std::vector<std::string> DovecotServer::flags(std::string_view folder) const {
  std::vector<std::pair<std::string, std::string>> named;
  for (const char* sub : {"cur", "new"}) {
    for (const auto& entry : fs::directory_iterator(maildir(folder) / sub)) {
      const std::string name = entry.path().filename().string();
      const auto info = name.find(":2,");
      named.emplace_back(name.substr(0, name.find(':')), info == std::string::npos ? "" : name.substr(info + 3));
    }
  }
  std::sort(named.begin(), named.end());
  std::vector<std::string> out;
  for (auto& [name, flags] : named) out.push_back(std::move(flags));
  return out;
}

void DovecotServer::renumber(std::string_view folder) {
  // dovecot-uidvalidity* stay: they make the next UIDVALIDITY greater than the last.
  const auto drop = [](const fs::path& dir, const std::vector<std::string_view>& prefixes) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      for (auto prefix : prefixes) {
        if (name.starts_with(prefix)) fs::remove(entry.path());
      }
    }
  };
  drop(maildir(folder), {"dovecot-uidlist", "dovecot.index"});
  drop(maildir(""), {"dovecot.list.index"});
}

}  // namespace touchbase::testing

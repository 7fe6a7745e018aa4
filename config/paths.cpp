#include "config/paths.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace touchbase::config_detail {
namespace {

bool is_name_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Reads all of `fd`, up to `limit` bytes; false with errno set on failure.
bool read_all(int fd, std::string& out, std::size_t limit) {
  char buf[4096];
  while (out.size() < limit) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return true;
}

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Why the open file cannot be read as a small file, if it cannot.
std::optional<std::string> unreadable(int fd, std::size_t max_bytes) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::string(std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return kind_of(st.st_mode) + ": expected a regular file";
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    return "it holds " + std::to_string(st.st_size) + " bytes: expected at most " + std::to_string(max_bytes);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> environment_variable(const std::string& name) {
  const char* v = std::getenv(name.c_str());
  if (v == nullptr) return std::nullopt;
  return std::string(v);
}

Result<std::string> expand_variables(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    bool braced = text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{';
    std::size_t start = i + (braced ? 2 : 1);
    if (text[i] != '$' || start >= text.size() || !is_name_start(text[start])) {
      out += text[i++];
      continue;
    }
    std::size_t end = start;
    while (end < text.size() && is_name_char(text[end])) ++end;
    if (braced && (end >= text.size() || text[end] != '}')) {
      return Error::config("'" + std::string(text) + "' has an unterminated ${...}");
    }
    std::string name(text.substr(start, end - start));
    auto value = environment_variable(name);
    if (!value) {
      return Error::config("environment variable " + name + " is not set (used in '" + std::string(text) + "')");
    }
    out += *value;
    i = end + (braced ? 1 : 0);
  }
  return out;
}

std::filesystem::path resolve_path(const std::filesystem::path& path, const std::filesystem::path& base_dir) {
  if (path.is_absolute()) return path.lexically_normal();
  return (base_dir / path).lexically_normal();
}

std::filesystem::path directory_of(const std::filesystem::path& file) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(file, ec);
  return ec ? file.parent_path() : absolute.parent_path();
}

Result<std::string> read_small_file(const std::filesystem::path& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO without a writer must not wait.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return Error::io("cannot read '" + path.string() + "': " + std::strerror(errno));
  std::optional<std::string> why = unreadable(fd, max_bytes);
  std::string content;
  if (!why && !read_all(fd, content, max_bytes + 1)) why = std::strerror(errno);
  if (!why && content.size() > max_bytes) why = "it grew past " + std::to_string(max_bytes) + " bytes while read";
  ::close(fd);
  if (why) return Error::io("cannot read '" + path.string() + "': " + *why);
  while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.pop_back();
  return content;
}

}  // namespace touchbase::config_detail

#include "config/paths.h"

#include <fcntl.h>
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

// Reads all of `fd`; false with errno set on failure.
bool read_all(int fd, std::string& out) {
  char buf[4096];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
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

Result<std::string> read_small_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  std::string content;
  bool ok = fd >= 0 && read_all(fd, content);
  int saved_errno = errno;
  if (fd >= 0) ::close(fd);
  if (!ok) return Error::io("cannot read '" + path.string() + "': " + std::strerror(saved_errno));
  while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.pop_back();
  return content;
}

}  // namespace touchbase::config_detail

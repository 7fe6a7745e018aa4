#include "cli/file_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace touchbase {

Status replace_file(const std::filesystem::path& path, std::string_view content) {
  auto temporary = path;
  temporary += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Error::io("cannot write " + path.string() + ": " + std::strerror(errno));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return Error::io("cannot write " + path.string() + ": the disk may be full");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return Error::io("cannot write " + path.string() + ": " + ec.message());
  }
  return {};
}

}  // namespace touchbase

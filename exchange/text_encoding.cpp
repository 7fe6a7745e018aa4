#include "exchange/text_encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace touchbase {
namespace {

struct IconvCloser {
  void operator()(iconv_t* cd) const {
    iconv_close(*cd);
    delete cd;
  }
};
using Converter = std::unique_ptr<iconv_t, IconvCloser>;

Error bad_byte(std::string_view text, std::size_t offset, std::string_view encoding) {
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[offset]));
  return Error::data("line " + std::to_string(line) + ": byte " + hex + " is not " + std::string(encoding) +
                     " text: expected a file in that encoding");
}

}  // namespace

Result<std::string> to_utf8(std::string_view text, std::string_view encoding) {
  const std::string from(encoding);
  iconv_t opened = iconv_open("UTF-8", from.c_str());
  if (opened == reinterpret_cast<iconv_t>(-1)) {
    return Error::usage("--encoding: '" + from + "' is not an encoding this system knows: expected one like " +
                        "windows-1252, latin1 or utf-16 (iconv --list shows them all)");
  }
  Converter cd(new iconv_t(opened));
  std::string out(text.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(text.data());  // iconv's signature; it does not write there
  std::size_t in_left = text.size();
  std::size_t written = 0;
  while (in_left > 0) {
    char* at = out.data() + written;
    std::size_t out_left = out.size() - written;
    const std::size_t done = iconv(*cd, &in, &in_left, &at, &out_left);
    written = out.size() - out_left;
    if (done != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    return bad_byte(text, text.size() - in_left, from);  // EILSEQ, or EINVAL: cut off at the end
  }
  out.resize(written);
  return out;
}

}  // namespace touchbase

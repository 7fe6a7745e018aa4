#pragma once
// Files from other tools in the encodings they come in: CRM exports from
// Windows are often Windows-1252. Converted with iconv (glibc).

#include <string>
#include <string_view>

#include "core/result.h"

namespace touchbase {

// `text` read as `encoding` (any name iconv knows: windows-1252, latin1,
// utf-16, ...) and written as UTF-8. Errc::usage when iconv does not know
// the encoding; Errc::data naming the line and byte when the text holds a
// byte that is not a character of it.
Result<std::string> to_utf8(std::string_view text, std::string_view encoding);

}  // namespace touchbase

#pragma once
// RFC 2047 encoded words in header values ("=?UTF-8?B?...?=", "=?iso-8859-1?Q?...?="),
// as found in Subject and in display names.

#include <string>
#include <string_view>

namespace touchbase {

// `value` with its encoded words decoded, as valid, printable UTF-8 on one
// line (controls become spaces). Blanks between two adjacent encoded words
// are dropped, as RFC 2047 says. UTF-8 and US-ASCII are taken as UTF-8,
// ISO-8859-1 and windows-1252 as Latin-1; a word in another charset, or
// malformed, is left as it is written.
std::string decode_encoded_words(std::string_view value);

}  // namespace touchbase

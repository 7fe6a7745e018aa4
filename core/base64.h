#pragma once
// Standard base64 (RFC 4648, section 4), for signatures and encoded words.

#include <string>
#include <string_view>

#include "core/result.h"

namespace touchbase {

// Standard base64 with padding.
std::string base64_encode(std::string_view bytes);
// Standard base64; padding optional; whitespace not allowed.
Result<std::string> base64_decode(std::string_view text);

}  // namespace touchbase

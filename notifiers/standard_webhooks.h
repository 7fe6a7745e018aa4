#pragma once
// Signing per Standard Webhooks (standardwebhooks.com): the receiver checks
//   webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">
// with the key shared as "whsec_<base64 key>".

#include <cstdint>
#include <string>
#include <string_view>

#include "core/base64.h"
#include "core/result.h"

namespace touchbase {

inline constexpr std::string_view k_webhook_secret_prefix = "whsec_";

// The raw key bytes of a "whsec_..." secret. The error never repeats the secret.
Result<std::string> decode_webhook_secret(std::string_view secret);

// "v1,<base64 signature>". `timestamp` is in seconds since the Unix epoch.
std::string sign_webhook(std::string_view key, std::string_view id, std::int64_t timestamp, std::string_view body);

}  // namespace touchbase

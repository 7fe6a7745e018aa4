#pragma once
// What an HTTP endpoint answered, and what that means for the delivery:
//   2xx                      delivered
//   408, 429, 5xx            transient, honouring Retry-After (seconds or an
//                            HTTP date) or a JSON body's "retry_after" (Discord)
//   410                      permanent, and the endpoint is gone
//   other 1xx/3xx/4xx        permanent
// Pure functions: the time comes in as a parameter.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"
#include "notifiers/notifier.h"

namespace touchbase {

// Longer waits than this are shortened to it.
inline constexpr std::chrono::seconds k_max_retry_after = std::chrono::hours(24);
// How much of a response body is kept, and how much of it appears in a failure message.
inline constexpr std::size_t k_max_response_body = 16 * 1024;
inline constexpr std::size_t k_max_body_in_message = 200;

struct HttpResponse {
  long status = 0;
  std::string body;         // at most k_max_response_body bytes
  std::string retry_after;  // the Retry-After header's value; empty if absent
};

// "120" -> 120 s; "Wed, 21 Oct 2015 07:28:00 GMT" -> the time until then
// (0 if past). nullopt for anything else.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, Instant now);

// {"retry_after": 1.5, ...} -> 2 s (rounded up). nullopt if the body is not
// JSON or has no such number.
std::optional<std::chrono::seconds> parse_retry_after_body(std::string_view body);

// `endpoint` names the endpoint in messages; it must already be redacted.
DeliveryResult classify_http_response(const HttpResponse& response, Instant now, std::string_view endpoint);

}  // namespace touchbase

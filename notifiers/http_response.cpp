#include "notifiers/http_response.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include <nlohmann/json.hpp>

#include "notifiers/text.h"

namespace touchbase {
namespace {

std::chrono::seconds clamp_wait(double seconds) {
  if (!(seconds > 0)) return std::chrono::seconds(0);
  if (seconds >= static_cast<double>(k_max_retry_after.count())) return k_max_retry_after;
  return std::chrono::seconds(static_cast<std::int64_t>(std::ceil(seconds)));
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string describe(const HttpResponse& response, std::string_view endpoint) {
  std::string message = "HTTP " + std::to_string(response.status) + " from " + std::string(endpoint);
  const std::string body = truncate_chars(single_line(trim(response.body)), k_max_body_in_message);
  if (!body.empty()) message += ": " + body;
  return message;
}

bool is_transient_status(long status) {
  return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

}  // namespace

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, Instant now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    if (value.size() > 9) return k_max_retry_after;
    return clamp_wait(std::stod(std::string(value)));
  }
  // An HTTP date (IMF-fixdate, or the obsolete RFC 850 and asctime forms): it has letters.
  if (std::none_of(value.begin(), value.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
    return std::nullopt;
  }
  const std::string text(value);
  const time_t when = curl_getdate(text.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  const auto wait = std::chrono::seconds(when) - now.time_since_epoch();
  return clamp_wait(static_cast<double>(wait.count()));
}

std::optional<std::chrono::seconds> parse_retry_after_body(std::string_view body) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return std::nullopt;
  const auto it = json.find("retry_after");
  if (it == json.end() || !it->is_number()) return std::nullopt;
  return clamp_wait(it->get<double>());
}

DeliveryResult classify_http_response(const HttpResponse& response, Instant now, std::string_view endpoint) {
  const long status = response.status;
  if (status >= 200 && status <= 299) return {};
  if (status == 410) return DeliveryFailure::gone(describe(response, endpoint) + " (the endpoint is gone)");
  if (!is_transient_status(status)) return DeliveryFailure::permanent(describe(response, endpoint));
  std::optional<std::chrono::seconds> wait;
  if (status == 429) wait = parse_retry_after_body(response.body);
  if (!wait) wait = parse_retry_after(response.retry_after, now);
  return DeliveryFailure::transient(describe(response, endpoint), wait);
}

}  // namespace touchbase

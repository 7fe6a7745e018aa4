#include "notifiers/transport_failure.h"

#include <string>

#include "notifiers/text.h"

namespace touchbase {

bool is_permanent_curl_error(CURLcode code) {
  switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_NOT_BUILT_IN:
    case CURLE_BAD_FUNCTION_ARGUMENT:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_USE_SSL_FAILED:
    case CURLE_LOGIN_DENIED:
    case CURLE_TOO_MANY_REDIRECTS:
    case CURLE_REMOTE_ACCESS_DENIED: return true;
    default: return false;
  }
}

DeliveryFailure transport_failure(CURLcode code, std::string_view detail, std::string_view endpoint,
                                  std::string_view url) {
  std::string message = std::string(endpoint) + ": " + curl_easy_strerror(code);
  std::string clean = single_line(detail);
  if (!url.empty()) {
    for (auto pos = clean.find(url); pos != std::string::npos; pos = clean.find(url, pos)) {
      clean.replace(pos, url.size(), endpoint);
      pos += endpoint.size();
    }
  }
  if (!clean.empty()) message += ": " + clean;
  if (is_permanent_curl_error(code)) return DeliveryFailure::permanent(std::move(message));
  return DeliveryFailure::transient(std::move(message));
}

}  // namespace touchbase

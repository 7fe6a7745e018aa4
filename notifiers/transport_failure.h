#pragma once
// Failures below HTTP and SMTP (connecting, TLS, timeouts), as libcurl
// reports them. Transient unless trying again cannot help: a malformed URL,
// an unsupported protocol, a certificate that does not verify, a server that
// does not offer the TLS it must.

#include <curl/curl.h>

#include <string_view>

#include "notifiers/notifier.h"

namespace touchbase {

bool is_permanent_curl_error(CURLcode code);

// "<endpoint>: <curl's description>[: <detail>]". `endpoint` must already be
// redacted; `url` is removed from `detail` wherever it appears.
DeliveryFailure transport_failure(CURLcode code, std::string_view detail, std::string_view endpoint,
                                  std::string_view url);

}  // namespace touchbase

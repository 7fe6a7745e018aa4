#pragma once
// URLs: the parts the notifiers and the config check, and the
// shortened form that may appear in messages (webhook URLs carry secrets).

#include <string>
#include <string_view>

#include "core/result.h"

namespace touchbase {

struct UrlParts {
  std::string scheme;  // lower case: "https", "smtp"
  std::string host;    // without brackets for IPv6: "::1"
  std::string port;    // empty when the URL names none
};

// Splits an absolute URL. An error names what is wrong, never the URL.
Result<UrlParts> parse_url(std::string_view url);

// "https://hooks.slack.com/…": scheme, host and port only; the path, query
// and credentials (where webhook secrets live) are left out.
std::string redact_url(std::string_view url);

// "https://hooks.slack.com": the scheme and authority, lower case, without
// credentials, path, query or fragment. Cheap and never fails (text that is
// not a URL is its own origin): it groups transfers per host, not checks URLs.
std::string origin_of(std::string_view url);

// localhost, 127.0.0.0/8 and ::1.
bool is_loopback_host(std::string_view host);

// Percent-encodes everything but RFC 3986 unreserved characters, for a query value.
std::string url_encode(std::string_view text);

// Appends "name=value" (value percent-encoded) to the URL's query.
std::string append_query(std::string url, std::string_view name, std::string_view value);

}  // namespace touchbase

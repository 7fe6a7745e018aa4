#include "core/url.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace touchbase {
namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct CurlStringDeleter {
  void operator()(char* s) const { curl_free(s); }
};

std::string get_part(CURLU* u, CURLUPart part) {
  char* raw = nullptr;
  if (curl_url_get(u, part, &raw, 0) != CURLUE_OK) return {};
  std::unique_ptr<char, CurlStringDeleter> owned(raw);
  return raw;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

Result<UrlParts> parse_url(std::string_view url) {
  std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
  if (!u) return Error::unavailable("out of memory parsing a URL");
  const std::string text(url);
  // Any scheme is parsed here; the notifiers check the scheme themselves.
  const CURLUcode rc = curl_url_set(u.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (rc != CURLUE_OK) return Error::config(std::string("invalid URL: ") + curl_url_strerror(rc));
  UrlParts parts{lower(get_part(u.get(), CURLUPART_SCHEME)), lower(get_part(u.get(), CURLUPART_HOST)),
                 get_part(u.get(), CURLUPART_PORT)};
  if (parts.host.size() >= 2 && parts.host.front() == '[' && parts.host.back() == ']') {
    parts.host = parts.host.substr(1, parts.host.size() - 2);
  }
  if (parts.host.empty()) return Error::config("invalid URL: no host");
  return parts;
}

std::string redact_url(std::string_view url) {
  auto parts = parse_url(url);
  if (!parts) return "(invalid URL)";
  std::string host = parts->host.find(':') != std::string::npos ? "[" + parts->host + "]" : parts->host;
  if (!parts->port.empty()) host += ":" + parts->port;
  return parts->scheme + "://" + host + "/…";
}

std::string origin_of(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  const std::size_t authority_start = scheme_end + 3;
  const std::size_t authority_end = std::min(url.find_first_of("/?#", authority_start), url.size());
  const std::size_t at = url.substr(0, authority_end).rfind('@');
  const std::size_t host_start = at == std::string_view::npos || at < authority_start ? authority_start : at + 1;
  return lower(std::string(url.substr(0, authority_start)) +
               std::string(url.substr(host_start, authority_end - host_start)));
}

bool is_loopback_host(std::string_view host) {
  if (host == "localhost" || host == "::1") return true;
  // 127.0.0.0/8 in dotted-quad form.
  if (host.substr(0, 4) != "127.") return false;
  int dots = 0;
  for (char c : host) {
    if (c == '.') {
      ++dots;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return dots == 3;
}

std::string url_encode(std::string_view text) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 0xF];
    }
  }
  return out;
}

std::string append_query(std::string url, std::string_view name, std::string_view value) {
  const auto fragment = url.find('#');
  std::string tail;
  if (fragment != std::string::npos) {
    tail = url.substr(fragment);
    url.erase(fragment);
  }
  const char separator =
      url.find('?') == std::string::npos ? '?' : (url.back() == '?' || url.back() == '&' ? '\0' : '&');
  if (separator != '\0') url += separator;
  url += std::string(name) + "=" + url_encode(value);
  return url + tail;
}

}  // namespace touchbase

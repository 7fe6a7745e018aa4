#include "mailbox/mailbox_url.h"

#include <curl/curl.h>

#include <memory>

#include "core/url.h"

namespace touchbase {
namespace {

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
struct TextDeleter {
  void operator()(char* text) const { curl_free(text); }
};

// The part, or "" when the URL has none.
std::string part(CURLU* url, CURLUPart which, unsigned flags = 0) {
  char* raw = nullptr;
  if (curl_url_get(url, which, &raw, flags) != CURLUE_OK || raw == nullptr) return "";
  const std::unique_ptr<char, TextDeleter> text(raw);
  return text.get();
}

}  // namespace

Result<MailboxUrl> parse_mailbox_url(std::string_view text) {
  const std::unique_ptr<CURLU, UrlDeleter> url(curl_url());
  if (!url || curl_url_set(url.get(), CURLUPART_URL, std::string(text).c_str(), 0) != CURLUE_OK) {
    return Error::config("is not a URL (expected imaps://host/FOLDER)");
  }
  const std::string scheme = part(url.get(), CURLUPART_SCHEME);
  const std::string host = part(url.get(), CURLUPART_HOST);
  if (scheme != "imaps" && scheme != "imap")
    return Error::config("must start with imaps:// (or imap:// to a loopback host)");
  if (scheme == "imap" && !is_loopback_host(host.starts_with("[") ? host.substr(1, host.size() - 2) : host)) {
    return Error::config(
        "imap:// would send the password in plain text: use imaps://, or imap:// only to a loopback host");
  }
  if (!part(url.get(), CURLUPART_USER).empty() || !part(url.get(), CURLUPART_PASSWORD).empty()) {
    return Error::config("must not hold credentials: set username and password_file or password_env");
  }
  if (!part(url.get(), CURLUPART_QUERY).empty() || !part(url.get(), CURLUPART_FRAGMENT).empty()) {
    return Error::config("must not have a query or a fragment");
  }
  const std::string port = part(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  std::string folder = part(url.get(), CURLUPART_PATH, CURLU_URLDECODE);
  while (folder.starts_with("/")) folder.erase(0, 1);
  while (folder.ends_with("/")) folder.pop_back();
  return MailboxUrl{scheme + "://" + host + ":" + port + "/", folder.empty() ? "INBOX" : folder};
}

}  // namespace touchbase

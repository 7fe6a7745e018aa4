// [owners.ID.mailbox]: the owner's mailbox, read for replies and sent mail.
#include <array>

#include "config/secrets.h"
#include "config/sections.h"
#include "core/url.h"

namespace touchbase::config_detail {
namespace {

constexpr std::array<std::string_view, 8> k_mailbox_keys = {"url",  "username", "password_file", "password_env",
                                                            "sent", "poll",     "match",         "since"};
constexpr std::array<std::string_view, 1> k_never_inline = {"password"};
constexpr std::string_view k_url_example = R"(an IMAP URL like "imaps://imap.example.com/INBOX")";

// The scheme and host; the rest is checked when the mailbox is opened (mailbox/mailbox_url.h).
void read_url(const Value& v, MailboxConfig& out) {
  auto url = v.non_empty_string(k_url_example);
  if (!url) return;
  const auto parts = parse_url(*url);
  if (!parts || (parts->scheme != "imaps" && parts->scheme != "imap")) {
    return v.error("expected " + std::string(k_url_example));
  }
  const std::string_view rest = std::string_view(*url).substr(parts->scheme.size() + 3);
  if (rest.substr(0, rest.find('/')).find('@') != std::string_view::npos) {
    return v.error("credentials do not belong in the URL: set username, and password_file or password_env");
  }
  if (parts->scheme == "imap" && !is_loopback_host(parts->host)) {
    return v.error("imap:// would send the password in plain text: use imaps://, or imap:// only to a loopback host");
  }
  out.url = *url;
}

void read_match(const Value& v, MailboxConfig& out) {
  auto text = v.string(R"("address" or "domain")");
  if (!text) return;
  if (*text == "address")
    out.match = MailboxMatch::address;
  else if (*text == "domain")
    out.match = MailboxMatch::domain;
  else
    v.error(R"(expected "address" or "domain", got ')" + *text + "'");
}

void read_bounded(const Value& v, Seconds min, Seconds max, Seconds& out) {
  auto d = v.duration();
  if (!d) return;
  if (*d < min || *d > max) {
    return v.error("expected between " + format_duration(min) + " and " + format_duration(max) + ", got " +
                   format_duration(*d));
  }
  out = *d;
}

}  // namespace

std::optional<MailboxConfig> read_mailbox(const Value& value, LoadContext& ctx) {
  if (value.table(R"(a table like { url = "imaps://imap.example.com/INBOX", ... })") == nullptr) return std::nullopt;
  TableReader t(value, k_mailbox_keys);
  MailboxConfig m;
  read_url(t.required("url", k_url_example), m);
  if (auto user = t.required("username", "the login name").non_empty_string()) m.username = *user;
  reject_inline_secrets(t, k_never_inline);
  const auto password = read_secret(t, k_password_keys, ctx);
  require_secret(t, k_password_keys, password);
  if (password.secret) m.password = password.secret->value;
  if (auto sent = t.get("sent").non_empty_string("a folder name like \"Sent\"")) m.sent = *sent;
  read_bounded(t.get("poll"), k_min_mailbox_poll, std::chrono::days(1), m.poll);
  read_match(t.get("match"), m);
  read_bounded(t.get("since"), std::chrono::days(1), k_max_mailbox_since, m.since);
  t.report_unknown_keys();
  return m;
}

}  // namespace touchbase::config_detail

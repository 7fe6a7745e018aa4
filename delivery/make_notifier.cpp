#include "delivery/make_notifier.h"

#include "notifiers/console_notifier.h"
#include "notifiers/discord_payload.h"
#include "notifiers/google_chat_payload.h"
#include "notifiers/http_notifier.h"
#include "notifiers/mattermost_payload.h"
#include "notifiers/reminder_json.h"
#include "notifiers/slack_payload.h"
#include "notifiers/smtp_notifier.h"
#include "notifiers/standard_webhooks.h"
#include "notifiers/teams_payload.h"
#include "notifiers/url.h"
#include "notifiers/webhook_payload.h"

namespace touchbase {
namespace {

Error named(const NotifierConfig& config, const Error& error) {
  return Error::config("notifier \"" + config.name + "\" (" + std::string(notifier_kind_name(config.kind)) +
                       "): " + error.message);
}

bool is_http_kind(NotifierKind kind) {
  switch (kind) {
    case NotifierKind::slack:
    case NotifierKind::teams:
    case NotifierKind::discord:
    case NotifierKind::mattermost:
    case NotifierKind::google_chat:
    case NotifierKind::webhook: return true;
    default: return false;
  }
}

Status validate_http_url(const std::string& url) {
  if (url.empty()) return Error::config("a url is required (url, url_file or url_env)");
  TB_TRY(const UrlParts parts, parse_url(url));
  if (parts.scheme == "https") return {};
  if (parts.scheme == "http" && is_loopback_host(parts.host)) return {};
  if (parts.scheme == "http") return Error::config("the url must be https:// (http:// only to a loopback host)");
  return Error::config("the url must be https://, not " + parts.scheme + "://");
}

Result<SmtpSettings> smtp_settings(const NotifierConfig& config) {
  if (config.url.empty()) return Error::config("a url is required, e.g. smtp://smtp.example.com:587");
  if (config.from.empty()) return Error::config("`from` is required");
  SmtpSettings settings{config.url, config.username, config.password, {}, {}};
  TB_TRY(settings.from, parse_mailbox(config.from));
  for (const auto& to : config.to) {
    TB_TRY(Mailbox box, parse_mailbox(to));
    settings.to.push_back(std::move(box));
  }
  if (!config.username.empty() && config.password.empty()) {
    return Error::config("a username needs a password (password_file or password_env)");
  }
  TB_TRY_STATUS(validate(settings));
  return settings;
}

HttpRequest json_request(std::string url, const nlohmann::json& body) {
  return {std::move(url), {}, dump_json(body)};
}

HttpNotifier::RequestBuilder request_builder(const NotifierConfig& config, std::string webhook_key) {
  const std::string url = config.url;
  switch (config.kind) {
    case NotifierKind::slack:
      return [url](const ReminderMessage& m, Instant) { return json_request(url, slack_payload(m)); };
    case NotifierKind::teams:
      return [url](const ReminderMessage& m, Instant) { return json_request(url, teams_payload(m)); };
    case NotifierKind::discord:
      return [url](const ReminderMessage& m, Instant) { return json_request(url, discord_payload(m)); };
    case NotifierKind::mattermost:
      return [url](const ReminderMessage& m, Instant) { return json_request(url, mattermost_payload(m)); };
    case NotifierKind::google_chat:
      return [url](const ReminderMessage& m, Instant) {
        return json_request(google_chat_url(url, m), google_chat_payload(m));
      };
    default:
      return [url, key = std::move(webhook_key)](const ReminderMessage& m, Instant now) {
        std::string body = webhook_body(m, now);
        auto headers = webhook_headers(key, m.idempotency_key, now, body);
        return HttpRequest{url, std::move(headers), std::move(body)};
      };
  }
}

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

}  // namespace

std::string_view notifier_kind_name(NotifierKind kind) {
  switch (kind) {
    case NotifierKind::email: return "email";
    case NotifierKind::slack: return "slack";
    case NotifierKind::teams: return "teams";
    case NotifierKind::discord: return "discord";
    case NotifierKind::mattermost: return "mattermost";
    case NotifierKind::google_chat: return "google-chat";
    case NotifierKind::webhook: return "webhook";
    case NotifierKind::console: return "console";
    case NotifierKind::command: return "command";
  }
  return "unknown";
}

Status validate_notifier(const NotifierConfig& config) {
  Status status;
  if (is_http_kind(config.kind)) status = validate_http_url(config.url);
  if (status.ok() && config.kind == NotifierKind::webhook) {
    auto key = decode_webhook_secret(config.secret);
    if (!key) status = key.error();
  }
  if (status.ok() && config.kind == NotifierKind::email) {
    auto settings = smtp_settings(config);
    if (!settings) status = settings.error();
  }
  if (status.ok() && config.kind == NotifierKind::command && config.command.empty()) {
    status = Error::config("`command` needs the program to run (an array: program, then its arguments)");
  }
  if (!status.ok()) return named(config, status.error());
  return {};
}

Result<std::unique_ptr<Notifier>> make_notifier(const NotifierConfig& config, boost::asio::io_context& io,
                                                CurlMulti& curl, std::ostream& console,
                                                const NotifierOptions& options) {
  TB_TRY_STATUS(validate_notifier(config));
  const Clock& clock = options.clock != nullptr ? *options.clock : system_clock();
  std::unique_ptr<Notifier> notifier;
  switch (config.kind) {
    case NotifierKind::console: notifier = std::make_unique<ConsoleNotifier>(console); break;
    case NotifierKind::command:
      notifier = std::make_unique<CommandNotifier>(config.command, io, options.command_timeout);
      break;
    case NotifierKind::email:
      notifier =
          std::make_unique<SmtpNotifier>(std::move(smtp_settings(config)).value(), curl, clock, options.timeouts);
      break;
    default: {
      std::string key;
      if (config.kind == NotifierKind::webhook) key = std::move(decode_webhook_secret(config.secret)).value();
      notifier = std::make_unique<HttpNotifier>(std::string(notifier_kind_name(config.kind)), config.url,
                                                request_builder(config, std::move(key)), curl, clock, options.timeouts);
    }
  }
  return notifier;
}

}  // namespace touchbase

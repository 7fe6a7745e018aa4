#pragma once
// The validated configuration: plain, immutable structs. Everything here has
// been checked by load_config(); users never see an unchecked value.
// Defaults have names and one home: the k_default_* constants below.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "core/window.h"

namespace touchbase {

inline constexpr std::string_view k_default_log_level = "info";
inline constexpr Seconds k_default_catch_up_max_age = std::chrono::hours(72);
inline constexpr Seconds k_default_stop_grace_period{20};  // below the unit's TimeoutStopSec
inline constexpr Seconds k_max_stop_grace_period = std::chrono::minutes(10);
inline constexpr Seconds k_default_keep_delivered = std::chrono::days(90);
inline constexpr Seconds k_min_keep_delivered = std::chrono::days(1);
inline constexpr Seconds k_default_action_link_ttl = std::chrono::days(14);
inline constexpr Seconds k_min_action_link_ttl = std::chrono::hours(1);
inline constexpr Seconds k_max_action_link_ttl = std::chrono::days(90);
inline constexpr std::size_t k_min_action_key_bytes = 32;
inline constexpr std::string_view k_default_timezone = "America/New_York";
inline constexpr std::string_view k_default_contact_days = "tue-thu";
inline constexpr std::string_view k_default_contact_hours = "16:00-17:30";
inline constexpr Seconds k_default_lead_time = std::chrono::minutes(15);
inline constexpr std::string_view k_default_working_days = "mon-fri";
inline constexpr std::string_view k_default_working_hours = "09:00-17:00";
inline constexpr int k_default_daily_limit = 25;
inline constexpr double k_default_backoff = 1.0;
inline constexpr std::string_view k_default_database_name = "touchbase.db";  // in $STATE_DIRECTORY, else ./
inline constexpr std::string_view k_preferred_default_cadence = "prospect";  // defaults.cadence when absent
// The years a holiday calendar's events are expanded over, recurring ones
// included: from this many years before the year the config is loaded in to
// this many after it. A reload (SIGHUP) moves the range on.
inline constexpr int k_holiday_years_before = 1;
inline constexpr int k_holiday_years_after = 3;

struct DaemonConfig {
  std::filesystem::path database;              // default: $STATE_DIRECTORY/touchbase.db, else ./touchbase.db
  std::string log_level{k_default_log_level};  // trace | debug | info | warn | error
  std::string http_listen;                     // "host:port"; empty = off
  Seconds catch_up_max_age = k_default_catch_up_max_age;
  // On SIGTERM, how long deliveries in flight may take to finish before the
  // daemon exits and leaves them in the outbox. 0s..k_max_stop_grace_period.
  Seconds stop_grace_period = k_default_stop_grace_period;
  // How long delivered outbox rows (and the messages kept for them) stay
  // before the daemon prunes them; std::nullopt ("off") keeps them all. At
  // least k_min_keep_delivered.
  std::optional<Seconds> keep_delivered = k_default_keep_delivered;
  // A folder of *.toml files holding more [[talking_points]], read in file-name
  // order after the config file's own; empty = none.
  std::filesystem::path talking_points_dir;
  // One-click action links (docs/actions.md): on when actions_listen is set,
  // and then public_url and at least one key are too.
  std::string actions_listen;            // "host:port"; empty = off
  std::string public_url;                // how links are written: https://host[:port][/path], no trailing '/'
  std::vector<std::string> action_keys;  // one per line of the secret: the first signs, all verify
  Seconds action_link_ttl = k_default_action_link_ttl;
};

struct Defaults {
  std::string timezone{k_default_timezone};
  WeeklyWindow contact_window;  // default: tue-thu 16:00-17:30
  Seconds lead_time = k_default_lead_time;
  std::string cadence;  // default: "prospect" if defined, else the first cadence by name
  std::string owner;    // default: the only owner, if there is exactly one
};

// [owners.ID.mailbox]: where the owner's replies and sent mail are read (mailbox/).
inline constexpr Seconds k_default_mailbox_poll = std::chrono::minutes(2);
inline constexpr Seconds k_min_mailbox_poll = std::chrono::seconds(30);
inline constexpr Seconds k_default_mailbox_since = std::chrono::days(14);
inline constexpr Seconds k_max_mailbox_since = std::chrono::days(365);

// Who counts as a contact's correspondent: the contact's own address, or
// anyone at its domain (never a free-mail domain: see mailbox/free_mail.h).
enum class MailboxMatch { address, domain };

struct MailboxConfig {
  std::string url;  // "imaps://host/FOLDER", or "imap://" to a loopback host; checked in full by mailbox/mailbox_url.h
  std::string username;
  std::string password;  // password_file or password_env (never inline)
  std::string sent;      // the folder of mail the owner sent; "" for none
  Seconds poll = k_default_mailbox_poll;
  MailboxMatch match = MailboxMatch::address;
  Seconds since = k_default_mailbox_since;  // how far back the first scan of a folder reads
};

struct Owner {
  std::string id;                   // the key in [owners.ID]
  std::string name;                 // default: the id
  std::string timezone;             // default: defaults.timezone
  std::string region;               // core/region.h, in capitals; empty: only the holidays for everyone
  WeeklyWindow working_hours;       // default: mon-fri 09:00-17:00
  std::vector<std::string> notify;  // notifier names, in order; later ones are the fallback
  int daily_limit = k_default_daily_limit;
  std::optional<MailboxConfig> mailbox;
};

enum class NotifierKind { email, slack, teams, discord, mattermost, google_chat, webhook, console, command };

std::string_view to_string(NotifierKind k);
// "email", "google-chat", ...; nullopt for an unknown name.
std::optional<NotifierKind> parse_notifier_kind(std::string_view text);

// [notifiers.NAME]. (Named NotifierConfig so it does not clash with the
// Notifier interface in notifiers/notifier.h.)
// Secrets are resolved at load time from the file or environment variable
// named in the config; they are never logged.
struct NotifierConfig {
  std::string name;  // the key in [notifiers.NAME]
  NotifierKind kind = NotifierKind::console;
  std::string url;                   // url, url_file or url_env (webhooks, email server)
  std::string from;                  // email
  std::vector<std::string> to;       // email
  std::string username;              // email
  std::string password;              // email: password_file or password_env (never inline)
  std::string secret;                // webhook: secret_file or secret_env ("whsec_...")
  std::vector<std::string> command;  // command: argv, run without a shell
  std::optional<Rate> rate;          // at most this many deliveries per period; nullopt = unlimited
};

// The rate a notifier of `kind` keeps to unless its `rate` key says otherwise:
// what each service documents for one webhook (Slack 1/s, Google Chat 60/m,
// Discord 5/2s, Teams 4/s); nullopt (unlimited) for the rest.
std::optional<Rate> default_rate(NotifierKind kind);

struct RollingCap {
  int count = 0;
  Seconds within{0};
};

// The words `then` and `on_reply` accept besides a cadence's name.
inline constexpr std::string_view k_then_dormant = "dormant";
inline constexpr std::string_view k_on_reply_pause = "pause";
inline constexpr std::string_view k_on_reply_stop = "stop";

struct Cadence {
  std::string name;
  std::vector<Seconds> steps;  // the gap after the 1st, 2nd, ... touch
  bool repeat = false;         // the last step repeats
  bool business_days = false;  // count days as working days in the contact's zone
  Seconds min_gap{0};
  std::optional<RollingCap> max_touches;
  double backoff = k_default_backoff;
  int give_up_after = 0;                   // 0 = never
  std::string then;                        // a cadence name or "dormant"; empty = dormant when steps run out
  std::string on_reply{k_on_reply_pause};  // "pause" | "stop" | a cadence name
  // A follow-up that no talking point (nor an agreed next step) fits waits for
  // one instead of being reminded without.
  bool require_talking_point = false;
};

// What a talking point's text can name in braces, "{first_name}", filled in
// from the contact when a reminder is written (scheduler/talking_points.h).
enum class Placeholder { first_name, name, company, title, stage, days_since_last_touch, last_note };

std::string_view to_string(Placeholder p);
// "first_name" -> Placeholder::first_name; nullopt for an unknown name.
std::optional<Placeholder> parse_placeholder(std::string_view name);

// A piece of a talking point's text: literal text ("{{" and "}}" already
// single braces), or one placeholder.
struct TextPiece {
  std::string literal;
  std::optional<Placeholder> placeholder;
  friend bool operator==(const TextPiece&, const TextPiece&) = default;
};

struct TalkingPoint {
  std::string id;
  std::string text;                 // as written, placeholders and all
  std::vector<TextPiece> pieces;    // `text`, split at its placeholders
  std::string link;                 // an http(s) URL; empty = none
  std::vector<std::string> tags;    // empty = any
  std::vector<std::string> stages;  // empty = any
  std::vector<int> steps;           // touch numbers it suits; empty = any
  std::optional<Date> expires;      // usable up to this day (the owner's local date), inclusive
  std::string owner;                // only for this owner's contacts; empty = everyone's
  std::string file;                 // where it is defined, for `touchbase check`
  int line = 0;
  int column = 0;
};

// A day off: one of [holidays] dates, or a day of a calendar's all-day event.
struct Holiday {
  Date date;
  std::string name;  // the event's SUMMARY, made printable; empty for [holidays] dates
  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// One iCalendar file of [holidays] and the days of its events from
// HolidayConfig::first_year to last_year: an event of three days is three
// days, a yearly one a day in each year.
struct HolidayCalendar {
  std::filesystem::path file;  // resolved against the config file's folder
  std::vector<Holiday> days;   // sorted by date, one per date (the first event of the file that day)
};

// [holidays].
struct HolidayConfig {
  std::vector<Date> dates;                 // for everyone; sorted, unique
  std::vector<HolidayCalendar> calendars;  // for everyone
  // [holidays.regions]: a region (core/region.h, in capitals) -> its calendars.
  std::map<std::string, std::vector<HolidayCalendar>> regions;
  int first_year = 0;  // the years the calendars' events were expanded over
  int last_year = 0;
};

struct Config {
  std::filesystem::path source;  // the file it was loaded from
  DaemonConfig daemon;
  Defaults defaults;
  HolidayConfig holidays;
  std::map<std::string, Owner> owners;
  std::map<std::string, NotifierConfig> notifiers;
  std::map<std::string, Cadence> cadences;
  std::vector<TalkingPoint> talking_points;

  // Lookups that fall back to [defaults] when `name`/`id` is empty or not
  // defined (owner_for: to the first owner by id when defaults.owner is
  // empty). REQUIRES: the config is valid.
  const Cadence& cadence_for(std::string_view name) const;
  const Owner& owner_for(std::string_view id) const;
  // The talking point with this id; nullptr when the library has none.
  const TalkingPoint* talking_point(std::string_view id) const;
};

}  // namespace touchbase

#pragma once
// One reader per section of touchbase.toml. Each fills its part of the Config
// with what is valid, records every problem in ctx.diag, and records the
// names it refers to in ctx.references; none stops at the first error.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "config/load_context.h"
#include "config/toml_reader.h"

namespace touchbase::config_detail {

void read_daemon(const TableReader& root, LoadContext& ctx, DaemonConfig& out);
// A "host:port" address to listen on, into `out`.
void read_listen_address(const Value& v, std::string& out);
// [daemon]'s actions_listen, public_url, actions_secret_file/_env and action_link_ttl.
void read_actions(const TableReader& daemon, const LoadContext& ctx, DaemonConfig& out);
void read_defaults(const TableReader& root, LoadContext& ctx, Defaults& out);
// REQUIRES: out.first_year and out.last_year are set: the calendars' events
// are expanded over them.
void read_holidays(const TableReader& root, LoadContext& ctx, HolidayConfig& out);
void read_owners(const TableReader& root, LoadContext& ctx, std::map<std::string, Owner>& out);
// [owners.ID.mailbox]; nullopt (with errors recorded) when it is not a usable table.
std::optional<MailboxConfig> read_mailbox(const Value& value, LoadContext& ctx);
void read_notifiers(const TableReader& root, LoadContext& ctx, std::map<std::string, NotifierConfig>& out);
void read_cadences(const TableReader& root, LoadContext& ctx, std::map<std::string, Cadence>& out);
// [[talking_points]] of one file; `ids` spans every file of the library.
void read_talking_points(const TableReader& root, LoadContext& ctx, TalkingPointIds& ids,
                         std::vector<TalkingPoint>& out);
// The *.toml files of daemon.talking_points_dir, in file-name order, each
// holding only [[talking_points]]; each file's errors carry its own path.
// REQUIRES: config.owners is read (a point's owner must be one of them).
void read_talking_points_dir(const Config& config, TalkingPointIds& ids, std::vector<TalkingPoint>& out,
                             std::vector<ConfigError>& errors);

// A window given as { days = "...", hours = "..." } or "mon-fri 09:00-17:00";
// missing parts take the defaults given.
WeeklyWindow read_window(const Value& value, std::string_view default_days, std::string_view default_hours);

// After all sections: fill the defaults that depend on other sections and
// require at least one owner and one cadence.
void resolve_defaults(Config& config, LoadContext& ctx);
// Every recorded reference names something defined.
void check_references(const Config& config, LoadContext& ctx);

}  // namespace touchbase::config_detail

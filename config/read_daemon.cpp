// [daemon]: database, log_level, http_listen, catch_up_max_age, stop_grace_period,
// keep_delivered, talking_points_dir, and the action links' keys (read_actions.cpp).
#include <algorithm>
#include <array>
#include <cctype>

#include "config/paths.h"
#include "config/sections.h"
#include "config/suggest.h"

namespace touchbase::config_detail {
namespace {

constexpr std::array<std::string_view, 12> k_daemon_keys = {
    "database",          "log_level",           "http_listen",        "catch_up_max_age",
    "stop_grace_period", "keep_delivered",      "talking_points_dir", "actions_listen",
    "public_url",        "actions_secret_file", "actions_secret_env", "action_link_ttl"};
const std::vector<std::string> k_log_levels = {"trace", "debug", "info", "warn", "error"};

std::filesystem::path default_database() {
  // systemd's StateDirectory=; with several directories it lists them all, separated by ':'.
  if (auto state = environment_variable("STATE_DIRECTORY"); state && !state->empty()) {
    return std::filesystem::path(state->substr(0, state->find(':'))) / k_default_database_name;
  }
  std::error_code ec;
  auto cwd = std::filesystem::current_path(ec);
  return (ec ? std::filesystem::path(".") : cwd) / k_default_database_name;
}

bool is_port(std::string_view text) {
  if (text.empty() || text.size() > 5) return false;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return false;
  }
  int port = std::stoi(std::string(text));
  return port >= 1 && port <= 65535;
}

// "127.0.0.1:9464", "localhost:9464", "[::1]:9464".
bool is_listen_address(std::string_view text) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos || !is_port(text.substr(colon + 1))) return false;
  auto host = text.substr(0, colon);
  if (host.starts_with('[')) return host.size() > 2 && host.ends_with(']');
  return !host.empty() && host.find_first_of(": \t") == std::string_view::npos;
}

void read_database(const Value& v, const LoadContext& ctx, DaemonConfig& out) {
  auto text = v.non_empty_string("a file path");
  if (!text) return;
  auto expanded = expand_variables(*text);
  if (!expanded) return v.error(expanded.error().message);
  out.database = resolve_path(*expanded, ctx.base_dir);
}

// The folder must exist when the config is read; its files are read after
// every section of the config file (read_talking_points_dir).
void read_talking_points_dir_key(const Value& v, const LoadContext& ctx, DaemonConfig& out) {
  auto text = v.non_empty_string("a folder path");
  if (!text) return;
  auto expanded = expand_variables(*text);
  if (!expanded) return v.error(expanded.error().message);
  std::filesystem::path dir = resolve_path(*expanded, ctx.base_dir);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    if (ec) return v.error("cannot read the folder '" + dir.string() + "': " + ec.message());
    return v.error("'" + dir.string() + "' is not a folder");
  }
  out.talking_points_dir = dir;
}

void read_log_level(const Value& v, DaemonConfig& out) {
  auto level = v.string(R"(a log level like "info")");
  if (!level) return;
  if (std::find(k_log_levels.begin(), k_log_levels.end(), *level) == k_log_levels.end()) {
    return v.error("unknown log level '" + *level + "': expected " + one_of(k_log_levels));
  }
  out.log_level = *level;
}

}  // namespace

void read_listen_address(const Value& v, std::string& out) {
  auto address = v.string(R"(an address like "127.0.0.1:9464")");
  if (!address) return;
  if (!is_listen_address(*address)) {
    return v.error("'" + *address + "' is not a listen address: expected host:port, like 127.0.0.1:9464 or [::1]:9464");
  }
  out = *address;
}

namespace {

void read_stop_grace_period(const Value& v, DaemonConfig& out) {
  auto grace = v.duration();
  if (!grace) return;
  if (*grace > k_max_stop_grace_period) {
    return v.error("expected at most " + format_duration(k_max_stop_grace_period) + ", got " + format_duration(*grace) +
                   ": a longer grace period holds up shutdown");
  }
  out.stop_grace_period = *grace;
}

// A duration of at least k_min_keep_delivered, or "off".
void read_keep_delivered(const Value& v, DaemonConfig& out) {
  auto text = v.string(R"(a duration like "90d", or "off")");
  if (!text) return;
  if (*text == "off") {
    out.keep_delivered = std::nullopt;
    return;
  }
  auto keep = v.duration();
  if (!keep) return;
  if (*keep < k_min_keep_delivered) {
    return v.error("expected at least " + format_duration(k_min_keep_delivered) +
                   ", or \"off\" to keep them all, got " + format_duration(*keep));
  }
  out.keep_delivered = *keep;
}

}  // namespace

void read_daemon(const TableReader& root, LoadContext& ctx, DaemonConfig& out) {
  out.database = default_database();
  Value v = root.get("daemon");
  if (!v || !v.table("a table like [daemon]")) return;
  TableReader t(v, k_daemon_keys);
  read_database(t.get("database"), ctx, out);
  read_log_level(t.get("log_level"), out);
  read_listen_address(t.get("http_listen"), out.http_listen);
  if (auto age = t.get("catch_up_max_age").duration()) out.catch_up_max_age = *age;
  read_stop_grace_period(t.get("stop_grace_period"), out);
  read_keep_delivered(t.get("keep_delivered"), out);
  read_talking_points_dir_key(t.get("talking_points_dir"), ctx, out);
  read_actions(t, ctx, out);
  t.report_unknown_keys();
}

}  // namespace touchbase::config_detail

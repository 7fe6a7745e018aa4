#include "cli/app.h"

#include <cstdlib>
#include <iostream>
#include <set>

#include "config/load_config.h"
#include "core/clock.h"

namespace touchbase {

std::filesystem::path config_path(const Cli& cli) {
  if (!cli.config_flag.empty()) return cli.config_flag;
  if (const char* env = std::getenv("TOUCHBASE_CONFIG"); env != nullptr && *env != '\0') return env;
  return std::string(k_default_config_path);
}

Result<Config> load_validated_config(const Cli& cli) {
  auto loaded = load_config(config_path(cli), cli.clock.now());
  if (loaded) return std::move(loaded).value();
  std::string message;
  for (const ConfigError& e : loaded.error()) message += (message.empty() ? "" : "\n") + e.to_string();
  return Error::config(message);
}

Result<Instant> read_now(const Cli& cli, const std::string& text) {
  if (text.empty()) return cli.clock.now();
  auto parsed = parse_rfc3339(text);
  if (!parsed) return Error::usage("--now: " + parsed.error().message);
  return *parsed;
}

Result<std::unique_ptr<Store>> open_command_store(const Config& config) {
  TB_TRY(auto store, open_store(config.daemon.database));
  // A command may read the contacts more than once: one warning each.
  store->on_unreadable_contact([warned = std::set<std::string>()](const SkippedContact& contact) mutable {
    if (warned.insert(contact.id).second) warn_skipped(contact);
  });
  return store;
}

void warn_skipped(const SkippedContact& contact) {
  std::cerr << "warning: contact " << contact.id << " is left out: " << contact.why << "\n";
}

void warn_skipped(std::span<const SkippedContact> contacts) {
  for (const SkippedContact& contact : contacts) warn_skipped(contact);
}

ImportRules import_rules(const Config& config) {
  ImportRules rules;
  for (const auto& [id, owner] : config.owners) rules.owners.insert(id);
  for (const auto& [name, cadence] : config.cadences) rules.cadences.insert(name);
  return rules;
}

}  // namespace touchbase

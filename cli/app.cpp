#include "cli/app.h"

#include <cstdlib>

#include "config/load_config.h"
#include "core/clock.h"

namespace touchbase {

std::filesystem::path config_path(const Cli& cli) {
  if (!cli.config_flag.empty()) return cli.config_flag;
  if (const char* env = std::getenv("TOUCHBASE_CONFIG"); env != nullptr && *env != '\0') return env;
  return std::string(k_default_config_path);
}

Result<Config> load_validated_config(const Cli& cli) {
  auto loaded = load_config(config_path(cli));
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

ImportRules import_rules(const Config& config) {
  ImportRules rules;
  for (const auto& [id, owner] : config.owners) rules.owners.insert(id);
  for (const auto& [name, cadence] : config.cadences) rules.cadences.insert(name);
  return rules;
}

}  // namespace touchbase

#pragma once
// What every command needs before it can act: the config file's path, the
// validated config, the store, and logging.

#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "config/config.h"
#include "core/clock.h"
#include "core/result.h"
#include "exchange/contact_import.h"
#include "store/store.h"

namespace touchbase {

inline constexpr std::string_view k_default_config_path = "/etc/touchbase/touchbase.toml";

// What a command writes on standard output: text for a reader, shown
// printable (cli/printable_output.h), or data for a file or another program,
// passed on byte for byte.
enum class StdoutUse { text, data };

// State shared by the command line's subcommands: the global flags, and the
// action the parsed subcommand chose.
struct Cli {
  explicit Cli(const Clock& now_from) : clock(now_from) {}

  std::string config_flag;
  std::function<Status()> action;
  StdoutUse stdout_use = StdoutUse::text;
  const Clock& clock;  // every command's "now"; must outlive the command
};

// --config, else $TOUCHBASE_CONFIG, else k_default_config_path.
std::filesystem::path config_path(const Cli& cli);

// The validated config; every error found, one per line, as Errc::config.
Result<Config> load_validated_config(const Cli& cli);
// The instant a --now option gives (RFC 3339), or cli.clock's now when it is
// empty; Errc::usage when it does not read.
Result<Instant> read_now(const Cli& cli, const std::string& text);

// The store of `config`'s database for a command: a contact whose row does
// not read is left out of listings with a warning naming it (warn_skipped),
// and the command goes on with the others.
Result<std::unique_ptr<Store>> open_command_store(const Config& config);
// "warning: contact ID is left out: WHY" on stderr.
void warn_skipped(const SkippedContact& contact);
void warn_skipped(std::span<const SkippedContact> contacts);

// What contact data may refer to under `config`: its owners and cadences.
ImportRules import_rules(const Config& config);

}  // namespace touchbase

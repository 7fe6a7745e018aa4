#pragma once
// Reading touchbase.toml: parse with toml++, validate everything, report
// every error found (not just the first), each with its position.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace touchbase {

// One problem in the config: where, which key, what was expected.
struct ConfigError {
  std::string file;
  int line = 0;         // 1-based; 0 when the problem has no single position
  int column = 0;       // 1-based
  std::string key;      // dotted path: "cadences.prospect.steps[1]"
  std::string message;  // what is wrong and what was expected

  // "touchbase.toml:12:9: cadences.prospect.steps[1]: ..."
  std::string to_string() const;
};

using ConfigResult = Result<Config, std::vector<ConfigError>>;

// Loads and validates the file at `path`. Secrets named by *_file / *_env
// and holiday calendars are read now, from the file system and the process
// environment; the calendars' events are expanded over the years around
// `now` (k_holiday_years_before, k_holiday_years_after). Errors in a
// calendar carry the calendar's path and line.
ConfigResult load_config(const std::filesystem::path& path, Instant now);
ConfigResult load_config_text(std::string_view toml, std::string_view file_name, Instant now);

// A one-paragraph summary for `touchbase check`.
std::string summarize(const Config& config);

}  // namespace touchbase

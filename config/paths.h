#pragma once
// File paths written in the config: ${VAR} expansion, resolution against the
// config file's directory, and reading the small files that hold secrets.
// Reads the process environment (getenv); not safe against concurrent setenv.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace touchbase::config_detail {

// The variable's value; nullopt when it is unset.
std::optional<std::string> environment_variable(const std::string& name);

// Replaces $NAME and ${NAME} with the variable's value. A `$` not followed by
// a name is kept. An unset variable is an error naming it.
Result<std::string> expand_variables(std::string_view text);

// `path` unchanged if absolute, else `base_dir / path`, normalized.
std::filesystem::path resolve_path(const std::filesystem::path& path, const std::filesystem::path& base_dir);

// The absolute directory that holds `file` (the current directory for a bare name).
std::filesystem::path directory_of(const std::filesystem::path& file);

// The most a secret file may hold: far more than any key or URL.
inline constexpr std::size_t k_max_secret_file_bytes = 64 * 1024;
// The most a config or talking-points file may hold.
inline constexpr std::size_t k_max_config_file_bytes = 16 * 1024 * 1024;

// The whole file without its trailing line break(s). Only a regular file of at
// most `max_bytes` is read: a FIFO, a device (/dev/zero) or a directory is an
// error at once, never a hang. The error gives the path and the reason, never
// the content.
Result<std::string> read_small_file(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace touchbase::config_detail

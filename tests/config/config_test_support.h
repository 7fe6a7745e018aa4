#pragma once
// Helpers shared by the config tests.

#include <stdlib.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "config/load_config.h"

namespace touchbase::testing {

// The sections a valid config needs besides the one a test is about: one
// owner, one notifier, one cadence. Tests put their lines first so that the
// positions in the expected messages count from line 1.
inline constexpr std::string_view k_alice = R"(
[owners.alice]
notify = ["console"]
)";
inline constexpr std::string_view k_console = R"(
[notifiers.console]
kind = "console"
)";
inline constexpr std::string_view k_prospect = R"(
[cadences.prospect]
steps = ["2d"]
)";
inline const std::string k_minimal_rest = std::string(k_alice) + std::string(k_console) + std::string(k_prospect);

// When the tests load their configs: holiday calendars are read for 2025-2029.
inline const Instant k_load_time = parse_rfc3339("2026-11-23T10:00:00Z").value();

// Sets an environment variable for the life of the object, then restores it.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = getenv(name)) old_ = old;
    if (value != nullptr) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

// Every error of a load, formatted by to_string(); empty if it loaded.
inline std::vector<std::string> error_texts(const ConfigResult& r) {
  std::vector<std::string> out;
  if (!r.ok()) {
    for (const auto& e : r.error()) out.push_back(e.to_string());
  }
  return out;
}

// Every error of loading `toml` as "t.toml"; empty if it loads.
inline std::vector<std::string> config_errors(std::string_view toml) {
  return error_texts(load_config_text(toml, "t.toml", k_load_time));
}

// `lines` followed by k_minimal_rest.
inline std::vector<std::string> errors_with_rest(std::string_view lines) {
  return config_errors(std::string(lines) + std::string(k_minimal_rest));
}

// The config, which must load.
inline Config load_ok(std::string_view toml) {
  auto r = load_config_text(toml, "t.toml", k_load_time);
  if (!r.ok()) {
    std::string all;
    for (const auto& e : r.error()) all += e.to_string() + "\n";
    ADD_FAILURE() << "unexpected errors:\n" << all;
    return Config{};
  }
  return std::move(r).value();
}

}  // namespace touchbase::testing

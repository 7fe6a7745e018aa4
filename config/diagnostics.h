#pragma once
// Collects every ConfigError found while one config file is read, so that all
// problems are reported together. One Diagnostics per load; not thread-safe.

#include <string>
#include <vector>

#include "config/load_config.h"

namespace touchbase::config_detail {

// A 1-based line and column in the config file; {0, 0} when there is none.
struct Place {
  int line = 0;
  int column = 0;
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}

  // `key` is the dotted path of the value concerned ("" for the whole file).
  void error(Place at, std::string key, std::string message);

  bool has_errors() const { return !errors_.empty(); }
  const std::string& file() const { return file_; }

  // The errors in file order; those without a position come last.
  std::vector<ConfigError> take() &&;

 private:
  std::string file_;
  std::vector<ConfigError> errors_;
};

}  // namespace touchbase::config_detail

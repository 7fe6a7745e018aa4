#include "config/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace touchbase {

std::string ConfigError::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  if (!key.empty()) out += key + ": ";
  return out + message;
}

namespace config_detail {

void Diagnostics::error(Place at, std::string key, std::string message) {
  errors_.push_back(ConfigError{file_, at.line, at.column, std::move(key), std::move(message)});
}

std::vector<ConfigError> Diagnostics::take() && {
  auto order = [](const ConfigError& e) { return std::tuple(e.line == 0, e.line, e.column); };
  std::stable_sort(errors_.begin(), errors_.end(),
                   [&](const ConfigError& a, const ConfigError& b) { return order(a) < order(b); });
  return std::move(errors_);
}

}  // namespace config_detail
}  // namespace touchbase

#include "config/talking_point_warnings.h"

#include <algorithm>

namespace touchbase {
namespace {

std::optional<int> furthest_in(const Cadence& c) {
  std::optional<int> furthest;
  if (!c.repeat) furthest = static_cast<int>(c.steps.size()) + 1;
  if (c.give_up_after > 0) furthest = std::min(furthest.value_or(c.give_up_after), c.give_up_after);
  return furthest;
}

// The earliest local date among the owners the point can serve: it has
// expired for all of them once its expiry is before this.
Date earliest_owner_date(const Config& config, const TalkingPoint& p, Instant now) {
  if (!p.owner.empty()) return local_date(now, config.owner_for(p.owner).timezone);
  std::optional<Date> earliest;
  for (const auto& [id, owner] : config.owners) {
    Date d = local_date(now, owner.timezone);
    earliest = std::min(earliest.value_or(d), d);
  }
  return earliest.value_or(local_date(now, config.defaults.timezone));
}

ConfigError warning(const TalkingPoint& p, std::string message) {
  return ConfigError{p.file, p.line, p.column, "talking point '" + p.id + "'", std::move(message)};
}

}  // namespace

std::optional<int> furthest_step(const Config& config) {
  std::optional<int> furthest = 0;
  for (const auto& [name, cadence] : config.cadences) {
    auto reach = furthest_in(cadence);
    if (!reach) return std::nullopt;
    furthest = std::max(*furthest, *reach);
  }
  return furthest;
}

std::vector<ConfigError> talking_point_warnings(const Config& config, Instant now) {
  std::vector<ConfigError> out;
  const std::optional<int> furthest = furthest_step(config);
  for (const TalkingPoint& p : config.talking_points) {
    if (p.expires && *p.expires < earliest_owner_date(config, p, now)) {
      out.push_back(warning(p, "expired on " + format_date(*p.expires) + ": it is never chosen; remove it"));
    }
    if (furthest && !p.steps.empty() && *std::min_element(p.steps.begin(), p.steps.end()) > *furthest) {
      out.push_back(warning(
          p, "no cadence reaches touch " + std::to_string(*std::min_element(p.steps.begin(), p.steps.end())) +
                 " (the furthest is touch " + std::to_string(*furthest) + "): it is never chosen; change its steps"));
    }
  }
  return out;
}

}  // namespace touchbase

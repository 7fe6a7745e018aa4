#pragma once
// What `touchbase check` warns about in a valid talking-point library: points
// that load but can never be chosen. Warnings do not stop the daemon.

#include <optional>
#include <vector>

#include "config/load_config.h"

namespace touchbase {

// The furthest touch number a contact reaches in any cadence when every
// touch goes unanswered: steps + 1 without `repeat`, at most give_up_after
// when it is set; nullopt when some cadence has no end (repeat without
// give_up_after). A reply with an agreed date can carry a contact further.
std::optional<int> furthest_step(const Config& config);

// One ConfigError (at the point's [[talking_points]] table) per point that
// - has expired on `now`: its expiry date is before the local date of every
//   owner it can serve (its own owner, else every owner), or
// - names only touch numbers (`steps`) beyond furthest_step().
// In library order. REQUIRES: config is valid.
std::vector<ConfigError> talking_point_warnings(const Config& config, Instant now);

}  // namespace touchbase

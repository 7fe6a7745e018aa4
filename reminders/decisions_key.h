#pragma once
// What the daemon's stored decisions (store/records.h StoredDecision) depend
// on besides each contact and its history: the rules of this version of the
// engine, the tz database, and the config's [defaults], [holidays], owners'
// zones, regions, working hours and whether they have a daily limit, and
// cadences. When the key stored with the decisions differs, every contact is
// decided again; notifiers, limits' values, talking points and the [daemon]
// table do not change it. Pure, but for reading the tz database's version.

#include <string>

#include "config/config.h"

namespace touchbase {

// The same text for the same inputs, in every process of this version.
std::string decisions_key(const Config& config);

}  // namespace touchbase

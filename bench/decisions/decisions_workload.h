#pragma once
// The stored-decisions benchmark's workload: a config of 10 owners over a few
// zones (console notifier, no daily_limit, no talking points, so that no
// decision waits for anything but its time) and a CSV of N contacts, each
// touched at `now`, on cadences whose shortest step is 3 days: none is due
// for a day, and the daemon has nothing to do but wait.

#include <filesystem>
#include <string>

#include "core/time.h"

namespace touchbase::bench {

// The config, with the SQLite file at `database`.
void write_decisions_config(const std::filesystem::path& path, const std::filesystem::path& database);
// `count` contacts, ids "c0" .. "c<count-1>", each with last_touch = `now`.
void write_decisions_csv(const std::filesystem::path& path, long count, Instant now);
// The id of contact number `i`.
std::string decisions_contact_id(long i);

}  // namespace touchbase::bench

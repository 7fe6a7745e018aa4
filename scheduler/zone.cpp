#include "scheduler/zone.h"

#include <string>
#include <unordered_map>

namespace touchbase {
namespace {

using ZoneTable = std::unordered_map<std::string_view, const date::time_zone*>;

// Every zone of the system database by name. The names live in the tz
// database, which lives as long as the process.
ZoneTable build_zone_table() {
  ZoneTable table;
  try {
    const date::tzdb& db = date::get_tzdb();
    table.reserve(db.zones.size());
    for (const date::time_zone& z : db.zones) table.emplace(z.name(), &z);
  } catch (const std::exception&) {
    // No readable tz database: every look-up falls back to locate_zone and fails there.
  }
  return table;
}

}  // namespace

ResolvedLocal Zone::to_instant(LocalSeconds local) const {
  const date::local_info info = tz_->get_info(local);
  switch (info.result) {
    case date::local_info::nonexistent: return {info.second.begin, LocalFix::gap};
    case date::local_info::ambiguous: return {Instant{local.time_since_epoch() - info.first.offset}, LocalFix::fold};
    case date::local_info::unique: break;
  }
  return {Instant{local.time_since_epoch() - info.first.offset}, LocalFix::exact};
}

ZoneDay::ZoneDay(Zone zone, LocalDays day) : zone_(zone), day_(day) {
  const date::local_info info = zone.tz()->get_info(LocalSeconds(day));
  if (info.result != date::local_info::unique) return;
  // The same offset holds from this midnight through the next one (24:00 included).
  const Instant next_midnight{(LocalSeconds(day) + date::days{1}).time_since_epoch() - info.first.offset};
  if (info.first.end > next_midnight) {
    simple_ = true;
    offset_ = info.first.offset;
  }
}

const date::time_zone* lookup_zone(std::string_view name) {
  static const ZoneTable table = build_zone_table();
  if (auto it = table.find(name); it != table.end()) return it->second;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace touchbase

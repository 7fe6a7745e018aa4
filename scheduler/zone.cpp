#include "scheduler/zone.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace touchbase {
namespace {

// Far enough out that no instant the engine meets lies beyond, near enough
// that adding an offset cannot overflow.
constexpr std::int64_t k_far_past = std::numeric_limits<std::int64_t>::min() / 4;
constexpr std::int64_t k_far_future = std::numeric_limits<std::int64_t>::max() / 4;
constexpr std::int64_t k_seconds_per_day = 86400;
// The bucket index covers 1970-01-01 to 2100-01-01 in buckets of 2^21 s (about 24 days).
constexpr int k_bucket_bits = 21;
constexpr std::int64_t k_index_begin = 0;
constexpr std::int64_t k_index_end = 4102444800;  // 2100-01-01T00:00:00Z

std::size_t bucket_count() {
  return static_cast<std::size_t>((k_index_end - k_index_begin) >> k_bucket_bits) + 1;
}

// For each bucket start, the index of the first element of `sorted` greater than it, less `back`.
std::vector<std::uint16_t> bucket_index(const std::vector<std::int64_t>& sorted, int back) {
  std::vector<std::uint16_t> index(bucket_count());
  for (std::size_t k = 0; k < index.size(); ++k) {
    const std::int64_t at = k_index_begin + (static_cast<std::int64_t>(k) << k_bucket_bits);
    const auto i = std::upper_bound(sorted.begin(), sorted.end(), at) - sorted.begin() - back;
    index[k] = static_cast<std::uint16_t>(std::max<std::ptrdiff_t>(i, 0));
  }
  return index;
}

// The bucket of `s`, or nullopt outside the index.
std::optional<std::size_t> bucket_of(std::int64_t s) {
  if (s < k_index_begin || s >= k_index_end) return std::nullopt;
  return static_cast<std::size_t>((s - k_index_begin) >> k_bucket_bits);
}

// The tz database's transitions from 1900 to 2200, with runs of one offset merged.
void add_periods(ZoneRules& r) {
  const Instant start{date::sys_days{date::year{1900} / 1 / 1}};
  const Instant limit{date::sys_days{date::year{2200} / 1 / 1}};
  date::sys_info info = r.tz->get_info(start);
  std::int64_t begin = k_far_past;
  while (true) {
    const auto offset = static_cast<std::int32_t>(info.offset.count());
    const bool last = info.end >= limit;
    const std::int64_t end = last ? k_far_future : info.end.time_since_epoch().count();
    const std::int64_t local_end = last ? k_far_future : end + offset;
    if (!r.offset.empty() && r.offset.back() == offset) {
      r.local_end.back() = local_end;
    } else {
      r.utc_begin.push_back(begin);
      r.offset.push_back(offset);
      r.local_end.push_back(local_end);
    }
    if (last) return;
    begin = end;
    info = r.tz->get_info(info.end);
  }
}

std::unique_ptr<ZoneRules> build_rules(const date::time_zone* tz) {
  auto r = std::make_unique<ZoneRules>();
  r->tz = tz;
  try {
    add_periods(*r);
  } catch (const std::exception&) {
    // An unreadable zone file: UTC rather than nothing.
    r->utc_begin.assign(1, k_far_past);
    r->local_end.assign(1, k_far_future);
    r->offset.assign(1, 0);
  }
  if (r->offset.size() < std::numeric_limits<std::uint16_t>::max()) {
    r->by_utc = bucket_index(r->utc_begin, 1);
    r->by_local = bucket_index(r->local_end, 0);
  }
  return r;
}

// One zone of the database; its rules are built on first use and then never change.
struct ZoneEntry {
  explicit ZoneEntry(const date::time_zone* zone) : tz(zone) {}
  const date::time_zone* tz;
  std::unique_ptr<ZoneRules> owned;
  std::atomic<const ZoneRules*> ready{nullptr};
};

class ZoneCatalog {
 public:
  ZoneCatalog() {
    try {
      const date::tzdb& db = date::get_tzdb();
      entries_.reserve(db.zones.size());
      for (const date::time_zone& z : db.zones) entries_.try_emplace(z.name(), &z);
    } catch (const std::exception&) {
      // No readable tz database: every look-up fails.
    }
  }

  std::optional<Zone> find(std::string_view name) {
    auto it = entries_.find(name);
    if (it == entries_.end()) it = find_alias(name);
    if (it == entries_.end()) return std::nullopt;
    return Zone(rules_of(it->second));
  }

 private:
  using Entries = std::unordered_map<std::string_view, ZoneEntry>;

  // A name the database resolves to another zone (a link).
  Entries::iterator find_alias(std::string_view name) {
    try {
      return entries_.find(date::locate_zone(name)->name());
    } catch (const std::exception&) {
      return entries_.end();
    }
  }

  const ZoneRules* rules_of(ZoneEntry& e) {
    if (const ZoneRules* r = e.ready.load(std::memory_order_acquire)) return r;
    std::lock_guard lock(build_);
    if (!e.owned) {
      e.owned = build_rules(e.tz);
      e.ready.store(e.owned.get(), std::memory_order_release);
    }
    return e.owned.get();
  }

  Entries entries_;  // no insertions after construction: reads need no lock
  std::mutex build_;
};

}  // namespace

namespace {

// The period holding instant `s`: the last whose utc_begin <= s.
std::size_t period_at(const ZoneRules& r, std::int64_t s) {
  const auto& begin = r.utc_begin;
  if (auto k = bucket_of(s); k && !r.by_utc.empty()) {
    std::size_t i = r.by_utc[*k];
    while (i + 1 < begin.size() && begin[i + 1] <= s) ++i;
    return i;
  }
  return static_cast<std::size_t>(std::upper_bound(begin.begin() + 1, begin.end(), s) - begin.begin()) - 1;
}

// The first period whose local times end after `l` (offset.size() if none).
std::size_t first_ending_after(const ZoneRules& r, std::int64_t l) {
  const auto& end = r.local_end;
  if (auto k = bucket_of(l); k && !r.by_local.empty()) {
    std::size_t i = r.by_local[*k];
    while (i < end.size() && end[i] <= l) ++i;
    return i;
  }
  return static_cast<std::size_t>(std::upper_bound(end.begin(), end.end(), l) - end.begin());
}

}  // namespace

LocalSeconds Zone::to_local(Instant t) const {
  const std::int64_t s = t.time_since_epoch().count();
  return LocalSeconds{Seconds{s + rules_->offset[period_at(*rules_, s)]}};
}

ResolvedLocal Zone::to_instant(LocalSeconds local) const {
  const std::int64_t l = local.time_since_epoch().count();
  const ZoneRules& r = *rules_;
  // The first period whose local times end after `l`: the earliest that can hold it.
  const std::size_t i = first_ending_after(r, l);
  if (i == r.offset.size()) return {Instant{Seconds{l - r.offset.back()}}, LocalFix::exact};
  if (l < r.utc_begin[i] + r.offset[i]) return {Instant{Seconds{r.utc_begin[i]}}, LocalFix::gap};
  const bool twice = i + 1 < r.offset.size() && r.utc_begin[i + 1] + r.offset[i + 1] <= l;
  return {Instant{Seconds{l - r.offset[i]}}, twice ? LocalFix::fold : LocalFix::exact};
}

ZoneDay::ZoneDay(Zone zone, LocalDays day) : zone_(zone), day_(day) {
  const std::int64_t midnight = LocalSeconds(day).time_since_epoch().count();
  const ZoneRules& r = zone.rules();
  const std::size_t i = first_ending_after(r, midnight);
  // One offset from this midnight through the next (24:00 included), and no earlier period reaches into it.
  if (i < r.offset.size() && r.utc_begin[i] + r.offset[i] <= midnight &&
      r.local_end[i] > midnight + k_seconds_per_day) {
    simple_ = true;
    offset_ = Seconds{r.offset[i]};
  }
}

std::optional<Zone> lookup_zone(std::string_view name) {
  static ZoneCatalog catalog;
  return catalog.find(name);
}

}  // namespace touchbase

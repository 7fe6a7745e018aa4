#pragma once
// Segments of the talking-point library that have run dry for follow-ups
// whose cadence has require_talking_point: those follow-ups wait, and their
// owner is told once which segment needs a point, by a notice through the
// owner's first notifier. The store keeps the record, so a restart does not
// tell the owner again; the dry spell ends at the first pass in which no
// follow-up of that owner and segment waits (a point was added, the contact
// moved on), and the next spell is told again.
//
// Not thread-safe: used by ReminderMaker on the daemon's event loop.

#include <set>
#include <string>
#include <utility>

#include "config/config.h"
#include "core/contact.h"
#include "scheduler/cadence_engine.h"
#include "store/store.h"

namespace touchbase {

class DrySegments {
 public:
  // Both must outlive the object.
  DrySegments(const Config& config, Store& store) : config_(config), store_(store) {}

  // Starts a pass: no segment has been seen waiting yet.
  void begin_pass() { waiting_.clear(); }
  // Follow-up `d` of `contact` waits for a point: its segment is dry for its
  // owner, who is told now if the segment was not dry already.
  Status waiting(const Contact& contact, const Decision& d, Instant now);
  // Ends a pass: forgets every dry segment in which nothing waited.
  Status end_pass();

 private:
  const Config& config_;
  Store& store_;
  std::set<std::pair<std::string, std::string>> waiting_;  // (owner, segment) this pass
};

// The notice that tells `owner` that `contact`'s segment ran dry at `now`.
Notice dry_segment_notice(const Owner& owner, const Contact& contact, const Decision& d, Instant now);

}  // namespace touchbase

#pragma once
// Delivery outcomes the store could not record (a full disk, a read-only file
// system, an I/O error, a lock held past the busy timeout), kept in memory so
// that their rows are not sent again while they wait, and when to try writing
// them again: k_first_record_retry after the first refusal, doubling up to
// k_max_record_retry. The outage is logged once when it starts and once when
// it ends, never once per try.
//
// Outcomes are kept only while an outage lasts: the set is empty exactly when
// no outage is under way.
//
// Not thread-safe: used by the dispatcher on its event loop.

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "notifiers/notifier.h"
#include "store/store.h"

namespace touchbase {

inline constexpr Seconds k_first_record_retry{1};
inline constexpr Seconds k_max_record_retry{60};

// A failed delivery whose fate is not written yet.
struct UnrecordedFailure {
  OutboxRow row;
  DeliveryFailure failure;
};

// An outage of the store's writes, as /healthz and `run --once` report it.
struct RecordOutage {
  std::size_t waiting = 0;  // outcomes kept in memory
  Error error;              // the store's last refusal
  Instant since;            // its first refusal
};

class UnrecordedOutcomes {
 public:
  bool empty() const { return delivered_.empty() && failed_.empty(); }
  std::size_t size() const { return delivered_.size() + failed_.size(); }
  // The row's outcome is kept here.
  bool holds(std::int64_t row_id) const { return ids_.contains(row_id); }

  void keep_delivered(std::span<const std::int64_t> row_ids);
  void keep_failed(UnrecordedFailure failure);
  void keep_all_failed(std::span<const UnrecordedFailure> failures);
  // The store refused a write with `error` at `now`: the next try is later,
  // one step further back. The first refusal of an outage is logged.
  // REQUIRES: !empty() (the refused outcomes are kept first).
  void write_refused(const Error& error, Instant now);
  // When to try writing again; none when nothing waits.
  std::optional<Instant> retry_at() const;
  bool due(Instant now) const { return !empty() && now >= retry_at_; }
  std::optional<RecordOutage> outage() const;

  // Hands the outcomes over to be written; those the store refuses again are
  // kept again, then write_refused().
  std::vector<std::int64_t> take_delivered();
  std::vector<UnrecordedFailure> take_failed();
  // Every outcome taken was written: the outage is over (logged once).
  // REQUIRES: empty().
  void recovered(std::size_t written, Instant now);

 private:
  std::vector<std::int64_t> delivered_;
  std::vector<UnrecordedFailure> failed_;
  std::set<std::int64_t> ids_;  // of both
  std::optional<Error> error_;  // set while an outage is under way
  Instant since_{};
  Instant retry_at_{};
  Seconds backoff_{0};
};

}  // namespace touchbase

#pragma once
// Keeps the database from growing without end: the outbox rows delivered
// longer than daemon.keep_delivered ago, and the messages kept for their
// reminders, are deleted at the daemon's first pass and then every
// k_prune_interval. Rows pending, failed or dead, and the reminders (the
// history the engine plans from), stay.
//
// Each batch is one short write transaction of at most PruneLimits::batch rows,
// so a command or a delivery waits for the write lock no longer than one
// batch; a run stops after PruneLimits::batches_per_run, so a pass is
// never held up long, and a run that stopped there goes on at the next pass.
//
// Not thread-safe: used on the daemon's event loop.

#include <optional>

#include "core/time.h"
#include "store/store.h"

namespace touchbase {

inline constexpr Seconds k_prune_interval = std::chrono::hours(1);

struct PruneLimits {
  int batch = 500;           // rows per write transaction
  int batches_per_run = 20;  // batches before a run gives way to the pass
};

class OutboxPruner {
 public:
  // `keep`: how long delivered rows stay; std::nullopt keeps them all.
  // `store` must outlive the pruner.
  OutboxPruner(Store& store, std::optional<Seconds> keep, PruneLimits limits = {})
      : store_(store), keep_(keep), limits_(limits) {}

  // Prunes when a run is due at `now`, and logs how many rows and messages it
  // removed. Returns what it removed (nothing when no run was due); a store
  // error is logged, and the run tried again after k_prune_interval.
  Pruned run_if_due(Instant now);

 private:
  // Batches until one comes back short or the run's limit; true when rows older than the cutoff may remain.
  bool prune(Instant before, Pruned& total);

  Store& store_;
  std::optional<Seconds> keep_;
  PruneLimits limits_;
  Instant next_run_at_ = Instant::min();
};

}  // namespace touchbase

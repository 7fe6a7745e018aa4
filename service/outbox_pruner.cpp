#include "service/outbox_pruner.h"

#include <spdlog/spdlog.h>

namespace touchbase {

Pruned OutboxPruner::run_if_due(Instant now) {
  Pruned total;
  if (!keep_ || now < next_run_at_) return total;
  Instant before = now - *keep_;
  bool more = prune(before, total);
  next_run_at_ = more ? now : now + k_prune_interval;
  if (total.outbox_rows > 0) {
    spdlog::info(
        "pruned {} delivered outbox rows, {} kept messages and {} notices delivered before {} (keep_delivered = {}){}",
        total.outbox_rows, total.messages, total.notices, format_rfc3339(before), format_duration(*keep_),
        more ? "; more at the next pass" : "");
  }
  return total;
}

bool OutboxPruner::prune(Instant before, Pruned& total) {
  for (int batch = 0; batch < limits_.batches_per_run; ++batch) {
    auto pruned = store_.prune_delivered(before, limits_.batch);
    if (!pruned) {
      spdlog::error("{}; pruning again in {}", pruned.error().message, format_duration(k_prune_interval));
      return false;
    }
    total.outbox_rows += pruned->outbox_rows;
    total.messages += pruned->messages;
    total.notices += pruned->notices;
    if (pruned->outbox_rows < limits_.batch) return false;
  }
  return true;
}

}  // namespace touchbase

// SqliteStore: the counts the daemon reports, and pruning delivered rows.

#include <SQLiteCpp/Statement.h>

#include <string>
#include <vector>

#include "store/count_queries.h"
#include "store/sqlite_store.h"
#include "store/sqlite_values.h"
#include "store/write_transaction.h"

namespace touchbase {
namespace {

constexpr ContactStatus k_statuses[] = {ContactStatus::active,      ContactStatus::paused,
                                        ContactStatus::dormant,     ContactStatus::closed_won,
                                        ContactStatus::closed_lost, ContactStatus::closed_unqualified};

void add_count(StoreCounts& counts, const std::string& kind, const std::string& name, int n) {
  if (kind == "contacts") {
    if (auto status = parse_contact_status(name)) counts.contacts[*status] = n;
  } else if (name == "pending" || name == "failed") {
    counts.outbox_waiting += n;
  } else if (name == "dead") {
    counts.outbox_dead = n;
  }
}

}  // namespace

Result<StoreCounts> SqliteStore::counts() {
  return run("count the contacts and the outbox rows", [&]() -> Result<StoreCounts> {
    StoreCounts counts;
    for (ContactStatus s : k_statuses) counts.contacts[s] = 0;
    auto select = statements_.use(std::string(k_counts_sql));
    while (select->executeStep()) {
      std::string kind = select->getColumn(0).getString();
      if (kind == "next_attempt") {
        counts.next_outbox_attempt = read_optional_instant(select->getColumn(2));
      } else {
        add_count(counts, kind, select->getColumn(1).getString(), select->getColumn(2).getInt());
      }
    }
    return counts;
  });
}

Result<Pruned> SqliteStore::prune_delivered(Instant before, int limit) {
  return run("prune the delivered outbox rows", [&]() -> Result<Pruned> {
    WriteTransaction tx(*db_, savepoints_);
    auto remove = statements_.use(
        "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE state = 'delivered' AND delivered_at < ?1 "
        "ORDER BY delivered_at LIMIT ?2) RETURNING reminder_id, notice_id");
    bind_instant(*remove, 1, before);
    remove->bind(2, limit);
    Pruned pruned;
    std::vector<std::int64_t> reminders;
    std::vector<std::int64_t> notices;
    while (remove->executeStep()) {
      ++pruned.outbox_rows;
      if (!remove->getColumn(0).isNull()) reminders.push_back(remove->getColumn(0).getInt64());
      if (!remove->getColumn(1).isNull()) notices.push_back(remove->getColumn(1).getInt64());
    }
    if (!reminders.empty()) {
      auto forget = statements_.use(
          "DELETE FROM reminder_messages WHERE reminder_id IN (SELECT value FROM json_each(?1)) "
          "AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.reminder_id = reminder_messages.reminder_id)");
      forget->bind(1, json_array(reminders));
      pruned.messages = forget->exec();
    }
    if (!notices.empty()) {
      // The reminders a notice listed stay, as every reminder does; they only lose the link to it.
      auto forget = statements_.use(
          "DELETE FROM notices WHERE id IN (SELECT value FROM json_each(?1)) "
          "AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.notice_id = notices.id)");
      forget->bind(1, json_array(notices));
      pruned.notices = forget->exec();
    }
    tx.commit();
    return pruned;
  });
}

}  // namespace touchbase

// SqliteStore: the talking-point segments that ran dry, and the notice that told their owner.

#include <SQLiteCpp/Statement.h>

#include "store/sqlite_store.h"
#include "store/sqlite_values.h"
#include "store/write_transaction.h"

namespace touchbase {

Result<std::optional<Notice>> SqliteStore::record_dry_segment(std::string_view segment, const Notice& notice,
                                                              std::span<const std::string> notifiers) {
  return run("record that " + std::string(segment) + " ran dry for owner '" + notice.owner + "'",
             [&]() -> Result<std::optional<Notice>> {
               WriteTransaction tx(*db_, savepoints_);
               SQLite::Statement record(*db_,
                                        "INSERT INTO dry_segments (owner, segment, since) VALUES (?1, ?2, ?3) "
                                        "ON CONFLICT (owner, segment) DO NOTHING");
               record.bind(1, notice.owner);
               record.bind(2, std::string(segment));
               bind_instant(record, 3, notice.created_at);
               if (record.exec() == 0) return std::optional<Notice>();  // told already; nothing written
               SQLite::Statement insert(
                   *db_, "INSERT INTO notices (owner, headline, body, created_at) VALUES (?1, ?2, ?3, ?4)");
               insert.bind(1, notice.owner);
               insert.bind(2, notice.headline);
               insert.bind(3, notice.body);
               bind_instant(insert, 4, notice.created_at);
               insert.exec();
               Notice created = notice;
               created.id = db_->getLastInsertRowid();
               SQLite::Statement link(*db_, "UPDATE dry_segments SET notice_id = ?3 WHERE owner = ?1 AND segment = ?2");
               link.bind(1, notice.owner);
               link.bind(2, std::string(segment));
               link.bind(3, created.id);
               link.exec();
               insert_outbox_rows(created, notifiers, created.created_at);
               tx.commit();
               return std::optional<Notice>(std::move(created));
             });
}

Result<std::vector<DrySegment>> SqliteStore::dry_segments() {
  return run("read the dry talking-point segments", [&]() -> Result<std::vector<DrySegment>> {
    SQLite::Statement select(*db_,
                             "SELECT owner, segment, since, coalesce(notice_id, 0) FROM dry_segments "
                             "ORDER BY owner, segment");
    std::vector<DrySegment> out;
    while (select.executeStep()) {
      out.push_back(DrySegment{select.getColumn(0).getString(), select.getColumn(1).getString(),
                               read_instant(select.getColumn(2)), select.getColumn(3).getInt64()});
    }
    return out;
  });
}

Status SqliteStore::forget_dry_segment(std::string_view owner, std::string_view segment) {
  return run("forget that " + std::string(segment) + " ran dry for owner '" + std::string(owner) + "'",
             [&]() -> Status {
               SQLite::Statement forget(*db_, "DELETE FROM dry_segments WHERE owner = ?1 AND segment = ?2");
               forget.bind(1, std::string(owner));
               forget.bind(2, std::string(segment));
               forget.exec();
               return {};
             });
}

}  // namespace touchbase

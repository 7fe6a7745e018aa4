// SqliteStore: reading owners' mailboxes -- folder marks, recorded messages,
// and contacts found by address or domain.

#include <SQLiteCpp/Statement.h>

#include "store/contact_rows.h"
#include "store/sqlite_store.h"
#include "store/sqlite_values.h"
#include "store/write_transaction.h"

namespace touchbase {

Result<std::optional<MailboxMark>> SqliteStore::mailbox_mark(std::string_view owner, std::string_view folder) {
  return run(
      "read the mailbox folder of owner '" + std::string(owner) + "'", [&]() -> Result<std::optional<MailboxMark>> {
        auto select =
            statements_.use("SELECT uidvalidity, last_uid FROM mailbox_folders WHERE owner = ?1 AND folder = ?2");
        select->bind(1, std::string(owner));
        select->bind(2, std::string(folder));
        if (!select->executeStep()) return std::optional<MailboxMark>();
        return std::optional<MailboxMark>(MailboxMark{static_cast<std::uint32_t>(select->getColumn(0).getInt64()),
                                                      static_cast<std::uint32_t>(select->getColumn(1).getInt64())});
      });
}

Status SqliteStore::set_mailbox_mark(std::string_view owner, std::string_view folder, MailboxMark mark) {
  return run("store the mailbox folder of owner '" + std::string(owner) + "'", [&]() -> Status {
    WriteTransaction tx(*db_, savepoints_);
    auto upsert = statements_.use(
        "INSERT INTO mailbox_folders (owner, folder, uidvalidity, last_uid) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (owner, folder) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid");
    upsert->bind(1, std::string(owner));
    upsert->bind(2, std::string(folder));
    upsert->bind(3, static_cast<std::int64_t>(mark.uidvalidity));
    upsert->bind(4, static_cast<std::int64_t>(mark.last_uid));
    upsert->exec();
    tx.commit();
    return {};
  });
}

Result<bool> SqliteStore::record_mail_message(std::string_view owner, std::string_view message_id, Instant at) {
  return run("record a message of owner '" + std::string(owner) + "'", [&]() -> Result<bool> {
    WriteTransaction tx(*db_, savepoints_);
    auto insert = statements_.use(
        "INSERT INTO mail_messages (owner, message_id, recorded_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
    insert->bind(1, std::string(owner));
    insert->bind(2, std::string(message_id));
    bind_instant(*insert, 3, at);
    const bool recorded = insert->exec() == 1;
    tx.commit();
    return recorded;
  });
}

Result<std::vector<Contact>> SqliteStore::contacts_with_email(std::span<const std::string> owners,
                                                              std::string_view address) {
  return run("find contacts by address", [&]() -> Result<std::vector<Contact>> {
    auto select =
        statements_.use(select_contacts_sql() +
                        " AND owner IN (SELECT value FROM json_each(?1)) AND lower(email) = lower(?2) ORDER BY id");
    select->bind(1, json_array(owners));
    select->bind(2, std::string(address));
    return read_contacts(*select);
  });
}

Result<std::vector<Contact>> SqliteStore::contacts_at_domain(std::span<const std::string> owners,
                                                             std::string_view domain, int limit) {
  return run("find contacts by domain", [&]() -> Result<std::vector<Contact>> {
    auto select = statements_.use(
        select_contacts_sql() +
        " AND owner IN (SELECT value FROM json_each(?1)) AND lower(substr(email, instr(email, '@') + 1)) = lower(?2) "
        "AND instr(email, '@') > 0 ORDER BY id");
    select->bind(1, json_array(owners));
    select->bind(2, std::string(domain));
    return read_contacts(*select, static_cast<std::size_t>(std::max(limit, 1)));
  });
}

}  // namespace touchbase

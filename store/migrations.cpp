#include "store/migrations.h"

#include <SQLiteCpp/Transaction.h>

#include <array>
#include <string>

#include "store/sqlite_errors.h"

namespace touchbase {
namespace {

// Version 1: contacts, their touches, reminders, the outbox and the record of
// talking points given. Instants are integer unix seconds (UTC), dates
// "YYYY-MM-DD". Everything hangs off a contact and goes with it.
constexpr std::string_view k_schema_v1 = R"sql(
CREATE TABLE contacts (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  company TEXT NOT NULL,
  title TEXT NOT NULL,
  owner TEXT NOT NULL,
  timezone TEXT NOT NULL,
  contact_window TEXT,
  cadence TEXT NOT NULL,
  stage TEXT NOT NULL,
  tags TEXT NOT NULL,
  deal_value REAL NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'dormant', 'closed-won', 'closed-lost',
                                         'closed-unqualified')),
  paused_until INTEGER,
  last_touch INTEGER,
  cadence_since INTEGER,
  next_step TEXT NOT NULL,
  next_step_date TEXT CHECK (next_step_date IS NULL OR date(next_step_date) = next_step_date),
  notes TEXT NOT NULL
) STRICT;

CREATE TABLE touches (
  id INTEGER PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  touched_at INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('touched', 'replied', 'meeting', 'no-answer')),
  note TEXT NOT NULL,
  talking_point TEXT NOT NULL
) STRICT;
CREATE INDEX touches_by_contact ON touches (contact_id, touched_at);

CREATE TABLE reminders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  owner TEXT NOT NULL,
  cadence TEXT NOT NULL,
  step INTEGER NOT NULL CHECK (step >= 1),
  due_at INTEGER NOT NULL,
  remind_at INTEGER NOT NULL,
  talking_point TEXT NOT NULL,
  why TEXT NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  created_at INTEGER NOT NULL,
  UNIQUE (contact_id, due_at)
) STRICT;

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  reminder_id INTEGER NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
  notifier TEXT NOT NULL CHECK (notifier <> ''),
  idempotency_key TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'dead')),
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  delivered_at INTEGER,
  UNIQUE (reminder_id, notifier)
) STRICT;
CREATE INDEX outbox_waiting ON outbox (next_attempt_at) WHERE state IN ('pending', 'failed');

CREATE TABLE talking_point_uses (
  id INTEGER PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  talking_point_id TEXT NOT NULL CHECK (talking_point_id <> ''),
  reminder_id INTEGER REFERENCES reminders (id) ON DELETE CASCADE,
  touch_id INTEGER REFERENCES touches (id) ON DELETE CASCADE,
  used_at INTEGER NOT NULL,
  CHECK ((reminder_id IS NULL) <> (touch_id IS NULL))
) STRICT;
CREATE INDEX talking_point_uses_by_contact ON talking_point_uses (contact_id, used_at);
CREATE INDEX talking_point_uses_by_reminder ON talking_point_uses (reminder_id);
CREATE INDEX talking_point_uses_by_touch ON talking_point_uses (touch_id);
)sql";

// Version 2: a contact can be removed while its history stays. A removed
// contact has removed_at set; it is neither listed nor planned.
constexpr std::string_view k_schema_v2 = R"sql(
ALTER TABLE contacts ADD COLUMN removed_at INTEGER;
)sql";

// Version 3: notices, messages to an owner about several contacts at once
// (the follow-ups that came due too long ago while the daemon was down). A
// reminder listed in a notice has notice_id set and no outbox row of its
// own; an outbox row delivers either a reminder or a notice.
constexpr std::string_view k_schema_v3 = R"sql(
CREATE TABLE notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner TEXT NOT NULL,
  headline TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

ALTER TABLE reminders ADD COLUMN notice_id INTEGER REFERENCES notices (id) ON DELETE SET NULL;

CREATE TABLE outbox_v3 (
  id INTEGER PRIMARY KEY,
  reminder_id INTEGER REFERENCES reminders (id) ON DELETE CASCADE,
  notice_id INTEGER REFERENCES notices (id) ON DELETE CASCADE,
  notifier TEXT NOT NULL CHECK (notifier <> ''),
  idempotency_key TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'dead')),
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  delivered_at INTEGER,
  CHECK ((reminder_id IS NULL) <> (notice_id IS NULL)),
  UNIQUE (reminder_id, notifier),
  UNIQUE (notice_id, notifier)
) STRICT;
INSERT INTO outbox_v3 (id, reminder_id, notifier, idempotency_key, state, attempts, next_attempt_at, last_error,
                       delivered_at)
  SELECT id, reminder_id, notifier, idempotency_key, state, attempts, next_attempt_at, last_error, delivered_at
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v3 RENAME TO outbox;
CREATE INDEX outbox_waiting ON outbox (next_attempt_at) WHERE state IN ('pending', 'failed');
)sql";

// Version 4: the talking-point segments that ran dry for an owner, so the
// owner is told once per dry spell, across restarts.
constexpr std::string_view k_schema_v4 = R"sql(
CREATE TABLE dry_segments (
  owner TEXT NOT NULL CHECK (owner <> ''),
  segment TEXT NOT NULL CHECK (segment <> ''),
  since INTEGER NOT NULL,
  notice_id INTEGER REFERENCES notices (id) ON DELETE SET NULL,
  PRIMARY KEY (owner, segment)
) STRICT;
)sql";

// Version 5: the message each reminder was made with (JSON,
// reminders/reminder_message.h), so that every delivery and retry sends the
// same text without reading the contact and its history again. None for
// reminders made before, nor for those listed in a notice. A table of its
// own keeps the reminders' rows, which histories read, small.
constexpr std::string_view k_schema_v5 = R"sql(
CREATE TABLE reminder_messages (
  reminder_id INTEGER PRIMARY KEY REFERENCES reminders (id) ON DELETE CASCADE,
  message TEXT NOT NULL
) STRICT;
)sql";

// Version 6: the kept message in a column per field instead of as JSON,
// which cost more to write and to read than delivering it. A message that
// is not a JSON object is dropped: its reminder's message is then made again
// from the contact when it is sent, as for reminders made before version 5.
constexpr std::string_view k_schema_v6 = R"sql(
ALTER TABLE reminder_messages RENAME TO reminder_messages_v5;
CREATE TABLE reminder_messages (
  reminder_id INTEGER PRIMARY KEY REFERENCES reminders (id) ON DELETE CASCADE,
  headline TEXT NOT NULL,
  owner_name TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  company TEXT NOT NULL,
  stage TEXT NOT NULL,
  channel TEXT NOT NULL,
  due_at TEXT NOT NULL,
  why TEXT NOT NULL,
  talking_point TEXT NOT NULL,
  talking_point_link TEXT NOT NULL,
  next_step TEXT NOT NULL,
  log_command TEXT NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1))
) STRICT;
INSERT INTO reminder_messages
SELECT reminder_id,
  coalesce(message ->> '$.headline', ''),
  coalesce(message ->> '$.owner_name', ''),
  coalesce(message ->> '$.contact_id', ''),
  coalesce(message ->> '$.contact_name', ''),
  coalesce(message ->> '$.company', ''),
  coalesce(message ->> '$.stage', ''),
  coalesce(message ->> '$.channel', ''),
  coalesce(message ->> '$.due_at', ''),
  coalesce(message ->> '$.why', ''),
  coalesce(message ->> '$.talking_point', ''),
  coalesce(message ->> '$.talking_point_link', ''),
  coalesce(message ->> '$.next_step', ''),
  coalesce(message ->> '$.log_command', ''),
  coalesce(message ->> '$.late', 0) IS 1
FROM reminder_messages_v5
WHERE CASE WHEN json_valid(message) THEN json_type(message) = 'object' ELSE 0 END;
DROP TABLE reminder_messages_v5;
)sql";

// Version 7: what writing a reminder's rows costs. The outbox's state check
// as comparisons: SQLite checks a list of more than two constants (state IN
// (...)) by building a temporary table for every row it writes, which cost
// more than the rest of writing the row, twice per delivery (made, then
// delivered). And the indexes whose key is NULL for every reminder (the
// outbox's notice, the talking point's touch) or every touch made partial,
// so that they hold no entry for those rows.
constexpr std::string_view k_schema_v7 = R"sql(
CREATE TABLE outbox_v7 (
  id INTEGER PRIMARY KEY,
  reminder_id INTEGER REFERENCES reminders (id) ON DELETE CASCADE,
  notice_id INTEGER REFERENCES notices (id) ON DELETE CASCADE,
  notifier TEXT NOT NULL CHECK (notifier <> ''),
  idempotency_key TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state = 'pending' OR state = 'delivered' OR state = 'failed' OR state = 'dead'),
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  delivered_at INTEGER,
  CHECK ((reminder_id IS NULL) <> (notice_id IS NULL))
) STRICT;
INSERT INTO outbox_v7 SELECT id, reminder_id, notice_id, notifier, idempotency_key, state, attempts, next_attempt_at,
  last_error, delivered_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v7 RENAME TO outbox;
CREATE INDEX outbox_waiting ON outbox (next_attempt_at) WHERE state IN ('pending', 'failed');
CREATE UNIQUE INDEX outbox_by_reminder ON outbox (reminder_id, notifier) WHERE reminder_id IS NOT NULL;
CREATE UNIQUE INDEX outbox_by_notice ON outbox (notice_id, notifier) WHERE notice_id IS NOT NULL;
DROP INDEX talking_point_uses_by_reminder;
DROP INDEX talking_point_uses_by_touch;
CREATE INDEX talking_point_uses_by_reminder ON talking_point_uses (reminder_id) WHERE reminder_id IS NOT NULL;
CREATE INDEX talking_point_uses_by_touch ON talking_point_uses (touch_id) WHERE touch_id IS NOT NULL;
)sql";

// Version 8: what /metrics and `touchbase status` read costs the same at 100
// contacts and at 100,000. The contacts by status (removed ones left out)
// and the outbox rows by state are counted in two small tables, kept by
// triggers in the same transaction as the write that changes them, and
// filled here from the rows already stored. A foreign key's cascade fires
// the outbox's triggers too. And an index of the delivered rows by when they
// were delivered, so that pruning the old ones reads only those.
constexpr std::string_view k_schema_v8 = R"sql(
CREATE TABLE contact_counts (
  status TEXT PRIMARY KEY NOT NULL,
  n INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO contact_counts (status, n)
  WITH statuses (status) AS (VALUES ('active'), ('paused'), ('dormant'), ('closed-won'), ('closed-lost'),
                                    ('closed-unqualified'))
  SELECT status, (SELECT count(*) FROM contacts c WHERE c.status = s.status AND c.removed_at IS NULL)
  FROM statuses s;
CREATE TRIGGER contacts_counted_in AFTER INSERT ON contacts WHEN NEW.removed_at IS NULL
BEGIN
  UPDATE contact_counts SET n = n + 1 WHERE status = NEW.status;
END;
CREATE TRIGGER contacts_counted_out AFTER DELETE ON contacts WHEN OLD.removed_at IS NULL
BEGIN
  UPDATE contact_counts SET n = n - 1 WHERE status = OLD.status;
END;
CREATE TRIGGER contacts_recounted AFTER UPDATE OF status, removed_at ON contacts
WHEN OLD.status IS NOT NEW.status OR (OLD.removed_at IS NULL) IS NOT (NEW.removed_at IS NULL)
BEGIN
  UPDATE contact_counts SET n = n - 1 WHERE status = OLD.status AND OLD.removed_at IS NULL;
  UPDATE contact_counts SET n = n + 1 WHERE status = NEW.status AND NEW.removed_at IS NULL;
END;

CREATE TABLE outbox_counts (
  state TEXT PRIMARY KEY NOT NULL,
  n INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO outbox_counts (state, n)
  WITH states (state) AS (VALUES ('pending'), ('delivered'), ('failed'), ('dead'))
  SELECT state, (SELECT count(*) FROM outbox o WHERE o.state = s.state) FROM states s;
CREATE TRIGGER outbox_counted_in AFTER INSERT ON outbox
BEGIN
  UPDATE outbox_counts SET n = n + 1 WHERE state = NEW.state;
END;
CREATE TRIGGER outbox_counted_out AFTER DELETE ON outbox
BEGIN
  UPDATE outbox_counts SET n = n - 1 WHERE state = OLD.state;
END;
CREATE TRIGGER outbox_recounted AFTER UPDATE OF state ON outbox WHEN OLD.state IS NOT NEW.state
BEGIN
  UPDATE outbox_counts SET n = n - 1 WHERE state = OLD.state;
  UPDATE outbox_counts SET n = n + 1 WHERE state = NEW.state;
END;

CREATE INDEX outbox_delivered ON outbox (delivered_at) WHERE state = 'delivered';
)sql";

// Version 9: where a contact is, for the holidays of its region (core/region.h:
// "DE-BE", "US"); empty for the contacts stored before, which keep only the
// holidays for everyone.
constexpr std::string_view k_schema_v9 = R"sql(
ALTER TABLE contacts ADD COLUMN region TEXT NOT NULL DEFAULT '';
)sql";

// Version 10: each contact's next decision, indexed by when a pass must look
// at it again, and the contacts changed since (records.h StoredDecision,
// ContactChange). Every contact starts changed, so the first pass decides it.
// And the rows waiting in the outbox by notifier (store/outbox_queries.h).
// The triggers delete and insert rather than INSERT OR REPLACE: an upsert's
// conflict handling would override theirs. A reminder marks its contact only
// when a notice lists it: the daemon stores the next decision of each contact
// it reminds as it writes the reminder.
constexpr std::string_view k_schema_v10 = R"sql(
CREATE TABLE decisions (
  contact_id TEXT PRIMARY KEY NOT NULL,
  due_at INTEGER,
  remind_at INTEGER,
  revisit_at INTEGER,
  waiting_since INTEGER
) STRICT, WITHOUT ROWID;
CREATE INDEX decisions_by_revisit ON decisions (revisit_at) WHERE revisit_at IS NOT NULL;
CREATE INDEX decisions_by_reminder ON decisions (remind_at) WHERE remind_at IS NOT NULL;

CREATE TABLE contact_changes (
  mark INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id TEXT NOT NULL UNIQUE
) STRICT;
CREATE TABLE decisions_key (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  key TEXT NOT NULL
) STRICT;

CREATE TRIGGER contact_added_changes AFTER INSERT ON contacts
BEGIN DELETE FROM contact_changes WHERE contact_id = NEW.id; INSERT INTO contact_changes (contact_id) VALUES (NEW.id); END;
CREATE TRIGGER contact_edited_changes AFTER UPDATE ON contacts
BEGIN DELETE FROM contact_changes WHERE contact_id = NEW.id; INSERT INTO contact_changes (contact_id) VALUES (NEW.id); END;
CREATE TRIGGER contact_deleted_forgets AFTER DELETE ON contacts
BEGIN
  DELETE FROM decisions WHERE contact_id = OLD.id;
  DELETE FROM contact_changes WHERE contact_id = OLD.id;
END;
CREATE TRIGGER touch_added_changes AFTER INSERT ON touches
BEGIN DELETE FROM contact_changes WHERE contact_id = NEW.contact_id; INSERT INTO contact_changes (contact_id) VALUES (NEW.contact_id); END;
CREATE TRIGGER reminder_listed_changes AFTER INSERT ON reminders WHEN NEW.notice_id IS NOT NULL
BEGIN DELETE FROM contact_changes WHERE contact_id = NEW.contact_id; INSERT INTO contact_changes (contact_id) VALUES (NEW.contact_id); END;

INSERT INTO contact_changes (contact_id) SELECT id FROM contacts;

CREATE INDEX outbox_ready_by_notifier ON outbox (notifier, next_attempt_at, id) WHERE state IN ('pending', 'failed');
)sql";

// Version 11: where each touch was learnt from (core/contact.h TouchSource;
// those logged before were typed at a command), and when mail to a contact's
// address bounced, forgotten when the address changes.
constexpr std::string_view k_schema_v11 = R"sql(
ALTER TABLE touches ADD COLUMN source TEXT NOT NULL DEFAULT 'cli'
  CHECK (source IN ('cli', 'link', 'mailbox', 'sent', 'import'));
ALTER TABLE contacts ADD COLUMN bounced_at INTEGER;
CREATE TRIGGER contact_email_changed_unbounces AFTER UPDATE OF email ON contacts
  WHEN NEW.email IS NOT OLD.email AND NEW.bounced_at IS NOT NULL AND NEW.bounced_at IS OLD.bounced_at
BEGIN UPDATE contacts SET bounced_at = NULL WHERE id = NEW.id; END;
)sql";

// Version 12: the actions taken from reminders' one-click links, once each
// per reminder; and reminders by owner and time, for an owner's day.
constexpr std::string_view k_schema_v12 = R"sql(
CREATE TABLE action_uses (
  reminder_id INTEGER NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  used_at INTEGER NOT NULL,
  PRIMARY KEY (reminder_id, action)
) STRICT, WITHOUT ROWID;
CREATE INDEX reminders_by_owner ON reminders (owner, remind_at);
)sql";

// Version 13: reading owners' mailboxes. Where each folder got to, the
// Message-IDs recorded (per owner), and contacts found by their address or
// its domain, in any case, through expression indexes.
constexpr std::string_view k_schema_v13 = R"sql(
CREATE TABLE mailbox_folders (
  owner TEXT NOT NULL,
  folder TEXT NOT NULL,
  uidvalidity INTEGER NOT NULL CHECK (uidvalidity BETWEEN 1 AND 4294967295),
  last_uid INTEGER NOT NULL CHECK (last_uid BETWEEN 0 AND 4294967295),
  PRIMARY KEY (owner, folder)
) STRICT, WITHOUT ROWID;
CREATE TABLE mail_messages (
  owner TEXT NOT NULL,
  message_id TEXT NOT NULL CHECK (message_id <> ''),
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (owner, message_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contacts_by_email ON contacts (owner, lower(email)) WHERE removed_at IS NULL;
CREATE INDEX contacts_by_email_domain ON contacts (owner, lower(substr(email, instr(email, '@') + 1)))
  WHERE removed_at IS NULL;
)sql";

constexpr std::array<Migration, 13> k_migrations = {{
    {1, k_schema_v1},
    {2, k_schema_v2},
    {3, k_schema_v3},
    {4, k_schema_v4},
    {5, k_schema_v5},
    {6, k_schema_v6},
    {7, k_schema_v7},
    {8, k_schema_v8},
    {9, k_schema_v9},
    {10, k_schema_v10},
    {11, k_schema_v11},
    {12, k_schema_v12},
    {13, k_schema_v13},
}};

void apply(SQLite::Database& db, const Migration& m) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  if (user_version(db) >= m.version) return;  // another process got here first
  db.exec(std::string(m.sql));
  db.exec("PRAGMA application_id = " + std::to_string(k_application_id));
  db.exec("PRAGMA user_version = " + std::to_string(m.version));
  tx.commit();
}

}  // namespace

std::span<const Migration> schema_migrations() {
  return k_migrations;
}

int newest_schema_version() {
  return k_migrations.back().version;
}

int user_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

Status migrate(SQLite::Database& db, std::span<const Migration> migrations) {
  for (const auto& m : migrations) {
    auto doing = "apply schema migration " + std::to_string(m.version);
    TB_TRY_STATUS(guarded(doing, db.getFilename(), [&]() -> Status {
      if (user_version(db) < m.version) apply(db, m);
      return {};
    }));
  }
  return {};
}

}  // namespace touchbase

#pragma once
// The schema, as numbered migrations. The number of the last one applied is
// kept in PRAGMA user_version; a touchbase database is marked by
// PRAGMA application_id. A released migration never changes: a new schema is
// a new migration appended to the list.

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <span>
#include <string_view>

#include "core/result.h"

namespace touchbase {

// "TBAS", in PRAGMA application_id (bytes 68-71 of the file header).
inline constexpr std::int32_t k_application_id = 0x54424153;

struct Migration {
  int version;           // 1, 2, ...: the user_version once applied
  std::string_view sql;  // one or more statements
};

// touchbase's migrations, versions 1..newest_schema_version() in order.
std::span<const Migration> schema_migrations();
int newest_schema_version();

int user_version(SQLite::Database& db);

// Applies, in order, each migration whose version is above the database's
// user_version, each in its own IMMEDIATE transaction that also sets
// user_version and application_id. The version is read again inside the
// transaction, so two processes migrating at once apply each step once. On
// error the failing migration leaves no trace and the earlier ones stay.
// REQUIRES: `migrations` are numbered 1, 2, ... in order.
Status migrate(SQLite::Database& db, std::span<const Migration> migrations);

}  // namespace touchbase

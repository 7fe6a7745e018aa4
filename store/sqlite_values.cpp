#include "store/sqlite_values.h"

namespace touchbase {

std::int64_t to_unix_seconds(Instant t) {
  return t.time_since_epoch().count();
}

Instant from_unix_seconds(std::int64_t seconds) {
  return Instant(Seconds(seconds));
}

void bind_instant(SQLite::Statement& stmt, int index, Instant t) {
  stmt.bind(index, to_unix_seconds(t));
}

void bind_optional_instant(SQLite::Statement& stmt, int index, const std::optional<Instant>& t) {
  if (t) {
    bind_instant(stmt, index, *t);
  } else {
    stmt.bind(index);
  }
}

Instant read_instant(const SQLite::Column& column) {
  return from_unix_seconds(column.getInt64());
}

std::optional<Instant> read_optional_instant(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return read_instant(column);
}

}  // namespace touchbase

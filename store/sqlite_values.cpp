#include "store/sqlite_values.h"

#include <nlohmann/json.hpp>

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

std::string json_array(std::span<const std::string> texts) {
  const nlohmann::json array(std::vector<std::string>(texts.begin(), texts.end()));
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string json_array(std::span<const std::int64_t> numbers) {
  return nlohmann::json(std::vector<std::int64_t>(numbers.begin(), numbers.end())).dump();
}

}  // namespace touchbase

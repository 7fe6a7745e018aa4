#pragma once
// How domain values sit in SQLite columns: instants as integer unix seconds
// (UTC), absent optionals as NULL.

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/time.h"

namespace touchbase {

std::int64_t to_unix_seconds(Instant t);
Instant from_unix_seconds(std::int64_t seconds);

void bind_instant(SQLite::Statement& stmt, int index, Instant t);
void bind_optional_instant(SQLite::Statement& stmt, int index, const std::optional<Instant>& t);

Instant read_instant(const SQLite::Column& column);
// `texts` as a JSON array, for `IN (SELECT value FROM json_each(?))`; each
// text's bytes kept as they are, UTF-8 or not.
std::string json_array(std::span<const std::string> texts);
std::string json_array(std::span<const std::int64_t> numbers);
std::optional<Instant> read_optional_instant(const SQLite::Column& column);

}  // namespace touchbase

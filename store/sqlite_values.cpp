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

namespace {

// `text` as a JSON string for SQLite's own JSON functions, which take bytes
// as they are: only quotes, backslashes and control characters are escaped,
// so a text that is not UTF-8 (an id written by an older version, or by hand)
// still finds itself.
void append_sqlite_json_string(std::string& out, std::string_view text) {
  static constexpr char k_hex[] = "0123456789abcdef";
  out.push_back('"');
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '"' || byte == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (byte < 0x20) {
      out.append("\\u00");
      out.push_back(k_hex[byte >> 4]);
      out.push_back(k_hex[byte & 0xF]);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

}  // namespace

std::string json_array(std::span<const std::string> texts) {
  std::string array = "[";
  for (const std::string& text : texts) {
    if (array.size() > 1) array.push_back(',');
    append_sqlite_json_string(array, text);
  }
  return array + "]";
}

std::string json_array(std::span<const std::int64_t> numbers) {
  std::string array = "[";
  for (const std::int64_t number : numbers) {
    if (array.size() > 1) array.push_back(',');
    array += std::to_string(number);
  }
  return array + "]";
}

}  // namespace touchbase

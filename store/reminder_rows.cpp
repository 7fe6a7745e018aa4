#include "store/reminder_rows.h"

#include <array>
#include <cstdint>
#include <iterator>
#include <optional>

#include "store/sqlite_values.h"

namespace touchbase {
namespace {

constexpr std::size_t k_max_key_notifier_chars = 40;
constexpr int k_key_hash_hex_digits = 12;

std::optional<OutboxState> parse_outbox_state(std::string_view text) {
  for (auto s : {OutboxState::pending, OutboxState::delivered, OutboxState::failed, OutboxState::dead}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

// 64-bit FNV-1a: small, stable across platforms and releases.
class Fnv1a {
 public:
  void add(std::string_view bytes) {
    for (unsigned char b : bytes) hash_ = (hash_ ^ b) * k_prime;
    hash_ = (hash_ ^ 0xffu) * k_prime;  // field separator: ("ab","c") differs from ("a","bc")
  }
  std::uint64_t value() const { return hash_; }

 private:
  static constexpr std::uint64_t k_prime = 0x100000001b3ull;
  std::uint64_t hash_ = 0xcbf29ce484222325ull;
};

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string hex(std::uint64_t value, int digits) {
  constexpr std::string_view k_digits = "0123456789abcdef";
  std::string out(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = k_digits[value & 0xfu];
  return out;
}

std::string message_columns() {
  std::string columns = "reminder_id";
  for (const auto& [name, field] : k_message_texts) columns += std::string(", ") + name;
  return columns + ", late";
}

}  // namespace

const std::string& insert_message_sql() {
  static const std::string sql = [] {
    std::string values = "?1";
    for (std::size_t i = 2; i <= std::size(k_message_texts) + 2; ++i) values += ", ?" + std::to_string(i);
    return "INSERT INTO reminder_messages (" + message_columns() + ") VALUES (" + values + ")";
  }();
  return sql;
}

const std::string& select_messages_sql() {
  static const std::string sql = "SELECT " + message_columns() + " FROM reminder_messages ";
  return sql;
}

void bind_message(SQLite::Statement& insert, std::int64_t reminder_id, const ReminderMessage& m) {
  insert.bind(1, reminder_id);
  int column = 2;
  for (const auto& [name, field] : k_message_texts) insert.bindNoCopy(column++, m.*field);
  insert.bind(column, m.late ? 1 : 0);
}

std::pair<std::int64_t, ReminderMessage> read_message(const SQLite::Statement& stmt) {
  ReminderMessage m;
  int column = 1;
  for (const auto& [name, field] : k_message_texts) m.*field = stmt.getColumn(column++).getString();
  m.late = stmt.getColumn(column).getInt() != 0;
  return {stmt.getColumn(0).getInt64(), std::move(m)};
}

Reminder read_reminder(const SQLite::Statement& stmt) {
  Reminder r;
  r.id = stmt.getColumn(0).getInt64();
  r.contact_id = stmt.getColumn(1).getString();
  r.owner = stmt.getColumn(2).getString();
  r.cadence = stmt.getColumn(3).getString();
  r.step = stmt.getColumn(4).getInt();
  r.due_at = read_instant(stmt.getColumn(5));
  r.remind_at = read_instant(stmt.getColumn(6));
  r.talking_point = stmt.getColumn(7).getString();
  r.why = stmt.getColumn(8).getString();
  r.late = stmt.getColumn(9).getInt() != 0;
  r.created_at = read_instant(stmt.getColumn(10));
  return r;
}

Result<OutboxRow> read_outbox_row(const SQLite::Statement& stmt) {
  OutboxRow row;
  row.id = stmt.getColumn(0).getInt64();
  row.reminder_id = stmt.getColumn(1).getInt64();
  row.notifier = stmt.getColumn(2).getString();
  row.idempotency_key = stmt.getColumn(3).getString();
  auto state_text = stmt.getColumn(4).getString();
  auto state = parse_outbox_state(state_text);
  if (!state) {
    return Error::data("outbox row " + std::to_string(row.id) + " has an unknown state '" + state_text + "'");
  }
  row.state = *state;
  row.attempts = stmt.getColumn(5).getInt();
  row.next_attempt_at = read_instant(stmt.getColumn(6));
  row.last_error = stmt.getColumn(7).getString();
  row.delivered_at = read_optional_instant(stmt.getColumn(8));
  row.notice_id = stmt.getColumn(9).getInt64();
  return row;
}

Notice read_notice(const SQLite::Statement& stmt) {
  Notice n;
  n.id = stmt.getColumn(0).getInt64();
  n.owner = stmt.getColumn(1).getString();
  n.headline = stmt.getColumn(2).getString();
  n.body = stmt.getColumn(3).getString();
  n.created_at = read_instant(stmt.getColumn(4));
  return n;
}

namespace {

std::string key_notifier(std::string_view notifier) {
  std::string name;
  for (char c : notifier.substr(0, k_max_key_notifier_chars)) name += is_key_char(c) ? c : '_';
  return name;
}

}  // namespace

std::string idempotency_key(const Reminder& r, std::string_view notifier) {
  Fnv1a hash;
  hash.add(std::to_string(r.id));
  hash.add(r.contact_id);
  hash.add(std::to_string(to_unix_seconds(r.due_at)));
  hash.add(notifier);
  return "tb-" + std::to_string(r.id) + "-" + key_notifier(notifier) + "-" + hex(hash.value(), k_key_hash_hex_digits);
}

std::string idempotency_key(const Notice& n, std::string_view notifier) {
  Fnv1a hash;
  hash.add("notice");
  hash.add(std::to_string(n.id));
  hash.add(n.owner);
  hash.add(std::to_string(to_unix_seconds(n.created_at)));
  hash.add(notifier);
  return "tb-n" + std::to_string(n.id) + "-" + key_notifier(notifier) + "-" + hex(hash.value(), k_key_hash_hex_digits);
}

}  // namespace touchbase

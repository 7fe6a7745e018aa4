#include "store/contact_rows.h"

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "store/sqlite_values.h"

namespace touchbase {
namespace {

// The order of the parameters bind_contact binds and of the columns
// read_contact reads.
constexpr std::array<std::string_view, 22> k_columns = {
    "id",           "name",           "email",         "phone",     "company",        "title",      "owner",
    "timezone",     "contact_window", "cadence",       "stage",     "tags",           "deal_value", "status",
    "paused_until", "last_touch",     "cadence_since", "next_step", "next_step_date", "notes",      "region",
    "bounced_at"};

}  // namespace

std::string contact_column_list() {
  std::string out;
  for (auto name : k_columns) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

namespace {

std::string parameter_list() {
  std::string out;
  for (std::size_t i = 1; i <= k_columns.size(); ++i) out += (i == 1 ? "?" : ", ?") + std::to_string(i);
  return out;
}

// "name = <source>name, ..." for every column but the id; with an empty
// source, "name = ?2, ...".
std::string assignments(std::string_view source) {
  std::string out;
  for (std::size_t i = 1; i < k_columns.size(); ++i) {
    if (i > 1) out += ", ";
    out += std::string(k_columns[i]) + " = ";
    out += source.empty() ? "?" + std::to_string(i + 1) : std::string(source) + std::string(k_columns[i]);
  }
  return out;
}

constexpr char k_tag_separator = ',';

std::string join_tags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& tag : tags) {
    if (!out.empty()) out += k_tag_separator;
    out += tag;
  }
  return out;
}

std::vector<std::string> split_tags(std::string_view text) {
  std::vector<std::string> tags;
  if (text.empty()) return tags;
  std::size_t pos = 0;
  while (true) {
    auto end = text.find(k_tag_separator, pos);
    tags.emplace_back(text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
    if (end == std::string_view::npos) return tags;
    pos = end + 1;
  }
}

SkippedContact unreadable(const std::string& id, std::string_view column, const std::string& text, const Error& why) {
  return {id, "its " + std::string(column) + " '" + text + "' in the database does not read: " + why.message};
}

}  // namespace

const std::string& insert_contact_sql() {
  static const std::string sql =
      "INSERT INTO contacts (" + contact_column_list() + ") VALUES (" + parameter_list() + ")";
  return sql;
}

const std::string& upsert_contact_sql() {
  static const std::string sql = "INSERT INTO contacts (" + contact_column_list() + ") VALUES (" + parameter_list() +
                                 ") ON CONFLICT (id) DO UPDATE SET " + assignments("excluded.") + ", removed_at = NULL";
  return sql;
}

const std::string& update_contact_sql() {
  static const std::string sql = "UPDATE contacts SET " + assignments("") + " WHERE id = ?1 AND removed_at IS NULL";
  return sql;
}

const std::string& select_contacts_sql() {
  static const std::string sql = "SELECT " + contact_column_list() + " FROM contacts WHERE removed_at IS NULL";
  return sql;
}

Status check_storable(const Contact& c) {
  auto refuse = [&](const std::string& why) { return Error::data("contact '" + c.id + "' cannot be stored: " + why); };
  for (const auto& tag : c.tags) {
    if (tag.empty()) return refuse("it has an empty tag");
    if (tag.find(k_tag_separator) != std::string::npos) return refuse("tag '" + tag + "' contains a comma");
  }
  if (c.window) {
    auto text = format_window(*c.window);
    auto back = parse_window(text);
    if (!back || *back != *c.window) return refuse("its window '" + text + "' needs days and sorted hours");
  }
  if (std::isnan(c.value)) return refuse("its value is not a number");
  if (c.next_step.date && !c.next_step.date->ok()) return refuse("its next step date is not a valid date");
  return {};
}

namespace {

// Binds the contact's columns, its texts through `bind_text(index, text)`;
// `texts` holds those formatted for the statement.
template <class BindText>
void bind_columns(SQLite::Statement& stmt, const Contact& c, ContactTexts& texts, BindText bind_text) {
  bind_text(1, c.id);
  bind_text(2, c.name);
  bind_text(3, c.email);
  bind_text(4, c.phone);
  bind_text(5, c.company);
  bind_text(6, c.title);
  bind_text(7, c.owner);
  bind_text(8, c.timezone);
  if (c.window) {
    texts.window = format_window(*c.window);
    bind_text(9, texts.window);
  } else {
    stmt.bind(9);
  }
  bind_text(10, c.cadence);
  bind_text(11, c.stage);
  texts.tags = join_tags(c.tags);
  bind_text(12, texts.tags);
  stmt.bind(13, c.value);
  texts.status = std::string(to_string(c.status));
  bind_text(14, texts.status);
  bind_optional_instant(stmt, 15, c.paused_until);
  bind_optional_instant(stmt, 16, c.last_touch);
  bind_optional_instant(stmt, 17, c.cadence_since);
  bind_text(18, c.next_step.text);
  if (c.next_step.date) {
    texts.next_step_date = format_date(*c.next_step.date);
    bind_text(19, texts.next_step_date);
  } else {
    stmt.bind(19);
  }
  bind_text(20, c.notes);
  bind_text(21, c.region);
  bind_optional_instant(stmt, 22, c.bounced_at);
}

}  // namespace

void bind_contact(SQLite::Statement& stmt, const Contact& c) {
  ContactTexts texts;
  bind_columns(stmt, c, texts, [&](int index, const std::string& text) { stmt.bind(index, text); });
}

void bind_contact_in_place(SQLite::Statement& stmt, const Contact& c, ContactTexts& texts) {
  bind_columns(stmt, c, texts, [&](int index, const std::string& text) { stmt.bindNoCopy(index, text); });
}

Result<Contact> read_contact(const SQLite::Statement& stmt) {
  auto c = read_contact_row(stmt);
  if (!c) return Error::data("contact '" + c.error().id + "' cannot be read: " + c.error().why);
  return std::move(*c);
}

Result<Contact, SkippedContact> read_contact_row(const SQLite::Statement& stmt) {
  Contact c;
  c.id = stmt.getColumn(0).getString();
  c.name = stmt.getColumn(1).getString();
  c.email = stmt.getColumn(2).getString();
  c.phone = stmt.getColumn(3).getString();
  c.company = stmt.getColumn(4).getString();
  c.title = stmt.getColumn(5).getString();
  c.owner = stmt.getColumn(6).getString();
  c.timezone = stmt.getColumn(7).getString();
  if (auto column = stmt.getColumn(8); !column.isNull()) {
    auto text = column.getString();
    auto window = parse_window(text);
    if (!window) return unreadable(c.id, "window", text, window.error());
    c.window = std::move(*window);
  }
  c.cadence = stmt.getColumn(9).getString();
  c.stage = stmt.getColumn(10).getString();
  c.tags = split_tags(stmt.getColumn(11).getString());
  c.value = stmt.getColumn(12).getDouble();
  auto status_text = stmt.getColumn(13).getString();
  auto status = parse_contact_status(status_text);
  if (!status) return unreadable(c.id, "status", status_text, Error::data("not a known status"));
  c.status = *status;
  c.paused_until = read_optional_instant(stmt.getColumn(14));
  c.last_touch = read_optional_instant(stmt.getColumn(15));
  c.cadence_since = read_optional_instant(stmt.getColumn(16));
  c.next_step.text = stmt.getColumn(17).getString();
  if (auto column = stmt.getColumn(18); !column.isNull()) {
    auto text = column.getString();
    auto date = parse_date(text);
    if (!date) return unreadable(c.id, "next step date", text, date.error());
    c.next_step.date = *date;
  }
  c.notes = stmt.getColumn(19).getString();
  c.region = stmt.getColumn(20).getString();
  c.bounced_at = read_optional_instant(stmt.getColumn(21));
  return c;
}

Result<Touch> read_touch(const SQLite::Statement& stmt, int first, std::string_view contact_id) {
  auto unknown = [&](std::string_view what, const std::string& text) {
    return Error::data("a touch of contact '" + std::string(contact_id) + "' has an unknown " + std::string(what) +
                       " '" + text + "'");
  };
  auto outcome_text = stmt.getColumn(first + 1).getString();
  auto outcome = parse_outcome(outcome_text);
  if (!outcome) return unknown("outcome", outcome_text);
  auto source_text = stmt.getColumn(first + 4).getString();
  auto source = parse_touch_source(source_text);
  if (!source) return unknown("source", source_text);
  return Touch{read_instant(stmt.getColumn(first)), *outcome, stmt.getColumn(first + 2).getString(),
               stmt.getColumn(first + 3).getString(), *source};
}

}  // namespace touchbase

#include "exchange/contact_json.h"

#include <algorithm>

#include "core/json_string.h"

namespace touchbase {
namespace {

ContactField text(std::string_view key, std::string value) {
  return {key, json_string(value), true, std::move(value)};
}

ContactField null(std::string_view key) {
  return {key, "null", false, {}};
}

ContactField optional_text(std::string_view key, std::optional<std::string> value) {
  return value ? text(key, std::move(*value)) : null(key);
}

std::optional<std::string> optional_time(const std::optional<Instant>& t) {
  return t ? std::optional(format_rfc3339(*t)) : std::nullopt;
}

ContactField tags(const std::vector<std::string>& values) {
  JsonLine line;
  line.add_string_array("tags", values);
  std::string object = line.end_value();  // {"tags":[...]}
  return {"tags", object.substr(8, object.size() - 9), false, {}};
}

}  // namespace

std::vector<ContactField> contact_fields(const Contact& c) {
  std::vector<ContactField> fields = {
      text("id", c.id),
      text("name", c.name),
      text("email", c.email),
      text("phone", c.phone),
      text("company", c.company),
      text("title", c.title),
      text("owner", c.owner),
      text("timezone", c.timezone),
      text("region", c.region),
      optional_text("window", c.window ? std::optional(format_window(*c.window)) : std::nullopt),
      text("cadence", c.cadence),
      text("stage", c.stage),
      tags(c.tags),
      {"value", format_json_number(c.value), false, {}},
      text("status", std::string(to_string(c.status))),
      optional_text("paused_until", optional_time(c.paused_until)),
      optional_text("last_touch", optional_time(c.last_touch)),
      optional_text("cadence_since", optional_time(c.cadence_since)),
      optional_text("bounced_at", optional_time(c.bounced_at)),
      text("next_step", c.next_step.text),
      optional_text("next_step_date", c.next_step.date ? std::optional(format_date(*c.next_step.date)) : std::nullopt),
      text("notes", c.notes),
  };
  std::sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return fields;
}

void add_contact(JsonLine& line, const Contact& c) {
  for (const ContactField& f : contact_fields(c)) line.add_json(f.key, f.json);
}

std::string touch_json(const Touch& t) {
  JsonLine line;
  line.add_string("at", format_rfc3339(t.at));
  line.add_string("outcome", to_string(t.outcome));
  line.add_string("note", t.note);
  line.add_string_or_null("talking_point", t.talking_point);
  line.add_string("source", to_string(t.source));
  return line.end_value();
}

std::vector<std::string> describe_changes(const Contact& before, const Contact& after) {
  auto shown = [](const ContactField& f) { return f.is_text ? "'" + f.text + "'" : f.json; };
  const auto old_fields = contact_fields(before);
  const auto new_fields = contact_fields(after);
  std::vector<std::string> changes;
  for (std::size_t i = 0; i < new_fields.size(); ++i) {
    if (old_fields[i].json == new_fields[i].json) continue;
    changes.push_back(std::string(new_fields[i].key) + ": " + shown(old_fields[i]) + " -> " + shown(new_fields[i]));
  }
  return changes;
}

}  // namespace touchbase

#include "exchange/contact_json.h"

namespace touchbase {
namespace {

nlohmann::json optional_time(const std::optional<Instant>& t) {
  return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json to_json(const Contact& c) {
  return {
      {"id", c.id},
      {"name", c.name},
      {"email", c.email},
      {"phone", c.phone},
      {"company", c.company},
      {"title", c.title},
      {"owner", c.owner},
      {"timezone", c.timezone},
      {"window", c.window ? nlohmann::json(format_window(*c.window)) : nlohmann::json(nullptr)},
      {"cadence", c.cadence},
      {"stage", c.stage},
      {"tags", c.tags},
      {"value", c.value},
      {"status", to_string(c.status)},
      {"paused_until", optional_time(c.paused_until)},
      {"last_touch", optional_time(c.last_touch)},
      {"cadence_since", optional_time(c.cadence_since)},
      {"next_step", c.next_step.text},
      {"next_step_date", c.next_step.date ? nlohmann::json(format_date(*c.next_step.date)) : nlohmann::json(nullptr)},
      {"notes", c.notes},
  };
}

std::vector<std::string> describe_changes(const Contact& before, const Contact& after) {
  auto text = [](const nlohmann::json& v) { return v.is_string() ? "'" + v.get<std::string>() + "'" : v.dump(); };
  nlohmann::json old_fields = to_json(before);
  nlohmann::json new_fields = to_json(after);
  std::vector<std::string> changes;
  for (const auto& [key, value] : new_fields.items()) {
    if (old_fields[key] != value) changes.push_back(key + ": " + text(old_fields[key]) + " -> " + text(value));
  }
  return changes;
}

nlohmann::json to_json(const Touch& t) {
  return {{"at", format_rfc3339(t.at)},
          {"outcome", to_string(t.outcome)},
          {"note", t.note},
          {"talking_point", t.talking_point.empty() ? nlohmann::json(nullptr) : nlohmann::json(t.talking_point)}};
}

}  // namespace touchbase

#include "notifiers/reminder_json.h"

#include <algorithm>

#include "core/json_string.h"
#include "notifiers/render_text.h"

namespace touchbase {
namespace {

void append_field(std::string& out, std::string_view name, std::string_view value) {
  out += '"';
  out += name;
  out += "\":";
  append_json_string(out, value);
  out += ',';
}

// "actions":{"touched":"https://…",…}, a name's first link only; nothing
// when there are none.
void append_actions(std::string& out, const std::vector<ActionLink>& actions) {
  if (actions.empty()) return;
  out += R"("actions":{)";
  bool first = true;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const auto earliest =
        std::find_if(actions.begin(), actions.end(), [&](const ActionLink& a) { return a.name == actions[i].name; });
    if (earliest != actions.begin() + static_cast<std::ptrdiff_t>(i)) continue;
    if (!first) out += ',';
    first = false;
    append_json_string(out, actions[i].name);
    out += ':';
    append_json_string(out, actions[i].url);
  }
  out += "},";
}

}  // namespace

void append_reminder_json(std::string& out, const ReminderMessage& m) {
  out += '{';
  append_field(out, "idempotency_key", m.idempotency_key);
  for (const auto& [name, field] : k_message_texts) {
    if (field != &ReminderMessage::headline) append_field(out, name, m.*field);
  }
  append_field(out, "headline", render_headline(m));
  append_field(out, "text", render_text(m));
  append_actions(out, m.actions);
  out += m.late ? R"("late":true})" : R"("late":false})";
}

std::string reminder_json(const ReminderMessage& m) {
  std::string out;
  append_reminder_json(out, m);
  return out;
}

std::string dump_json(const nlohmann::json& value) {
  return value.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

}  // namespace touchbase

#include "notifiers/reminder_json.h"

#include "notifiers/render_text.h"

namespace touchbase {

nlohmann::json reminder_json(const ReminderMessage& m) {
  return {
      {"idempotency_key", m.idempotency_key},
      {"headline", render_headline(m)},
      {"owner_name", m.owner_name},
      {"contact_id", m.contact_id},
      {"contact_name", m.contact_name},
      {"company", m.company},
      {"stage", m.stage},
      {"channel", m.channel},
      {"due_at", m.due_at},
      {"why", m.why},
      {"talking_point", m.talking_point},
      {"talking_point_link", m.talking_point_link},
      {"next_step", m.next_step},
      {"log_command", m.log_command},
      {"late", m.late},
      {"text", render_text(m)},
  };
}

std::string dump_json(const nlohmann::json& value) {
  return value.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

}  // namespace touchbase

#include "notifiers/reminder_json.h"

#include "notifiers/render_text.h"

namespace touchbase {

// Built by assignment: an initializer list would copy every value, twice for nested ones.
nlohmann::json reminder_json(const ReminderMessage& m) {
  nlohmann::json j = nlohmann::json::object();
  j["idempotency_key"] = m.idempotency_key;
  for (const auto& [name, field] : k_message_texts) j[name] = m.*field;
  j["headline"] = render_headline(m);
  j["late"] = m.late;
  j["text"] = render_text(m);
  return j;
}

std::string dump_json(const nlohmann::json& value) {
  return value.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

}  // namespace touchbase

#include "reminders/skipped_contacts.h"

#include <spdlog/spdlog.h>

namespace touchbase {

void SkippedContacts::skip(const SkippedContact& contact) {
  current_.insert_or_assign(contact.id, contact.why);
  if (logged_.emplace(contact.id, contact.why).second) {
    spdlog::warn("contact {} is skipped until it is fixed, the others go on: {}", contact.id, contact.why);
  }
}

void SkippedContacts::end_pass() {
  last_.clear();
  std::set<std::pair<std::string, std::string>> still_met;
  for (const auto& [id, why] : current_) {
    last_.push_back({id, why});
    still_met.emplace(id, why);
  }
  logged_ = std::move(still_met);
}

}  // namespace touchbase

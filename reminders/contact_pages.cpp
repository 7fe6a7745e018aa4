#include "reminders/contact_pages.h"

namespace touchbase {

std::vector<std::string> ids_of(std::span<const Contact> contacts) {
  std::vector<std::string> ids;
  ids.reserve(contacts.size());
  for (const Contact& c : contacts) ids.push_back(c.id);
  return ids;
}

Status for_each_contact_page(Store& store, const ContactPageVisitor& each, std::size_t page_size) {
  std::string after;
  for (;;) {
    TB_TRY(auto contacts, store.list_contacts_after(after, static_cast<int>(page_size)));
    if (contacts.empty()) return {};
    TB_TRY(auto histories, store.histories_of(ids_of(contacts)));
    const bool last = contacts.size() < page_size;
    after = contacts.back().id;
    TB_TRY_STATUS(each(contacts, histories));
    if (last) return {};
  }
}

}  // namespace touchbase

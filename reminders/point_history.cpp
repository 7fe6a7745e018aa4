#include "reminders/point_history.h"

#include "reminders/contact_histories.h"

namespace touchbase {
Result<PointContacts> read_point_contacts(Store& store, std::span<const Contact> contacts) {
  std::vector<std::string> ids;
  ids.reserve(contacts.size());
  for (const Contact& c : contacts) ids.push_back(c.id);
  TB_TRY(auto histories, store.histories_of(ids));
  return point_contacts(histories, contacts);
}

PointChoice choose_for_reminder(const Config& config, const PointHistory& h, const Contact& contact,
                                std::string_view owner, int step, Instant now) {
  PointRequest request{
      &contact, owner, step, h.touches, h.used, h.next_step_brought, local_date(now, config.owner_for(owner).timezone)};
  return choose_talking_point(config.talking_points, request);
}

}  // namespace touchbase

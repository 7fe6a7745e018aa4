#include "cli/contact_args.h"

#include <algorithm>

namespace touchbase {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string describe(const Contact& c) {
  std::string details = c.name;
  if (!c.company.empty()) details += ", " + c.company;
  if (!c.email.empty()) details += ", " + c.email;
  return c.id + " (" + details + ")";
}

Error ambiguous(std::string_view name, const std::vector<const Contact*>& candidates) {
  std::string message = "'" + std::string(name) + "' names " + std::to_string(candidates.size()) +
                        " contacts; give the id or the email of one of them:";
  for (std::size_t i = 0; i < candidates.size() && i < k_max_candidates_listed; ++i) {
    message += "\n  " + describe(*candidates[i]);
  }
  if (candidates.size() > k_max_candidates_listed) {
    message += "\n  and " + std::to_string(candidates.size() - k_max_candidates_listed) + " more";
  }
  return Error::data(message);
}

}  // namespace

Result<Contact> find_named_contact(Store& store, std::string_view name) {
  TB_TRY(auto by_id, store.find_contact(name));
  if (by_id) return std::move(*by_id);
  TB_TRY(auto contacts, store.list_contacts());
  const std::string wanted = lower(name);
  std::vector<const Contact*> by_email;
  std::vector<const Contact*> by_name;
  for (const Contact& c : contacts) {
    if (!c.email.empty() && lower(c.email) == wanted) by_email.push_back(&c);
    if (!wanted.empty() && lower(c.name).find(wanted) != std::string::npos) by_name.push_back(&c);
  }
  const auto& candidates = by_email.empty() ? by_name : by_email;
  if (candidates.size() == 1) return *candidates.front();
  if (candidates.size() > 1) return ambiguous(name, candidates);
  return Error::no_input("no contact has the id, email or a name containing '" + std::string(name) +
                         "' (touchbase contact list shows them all)");
}

Result<Instant> parse_moment(std::string_view text, const date::time_zone& zone) {
  if (auto day = parse_date(text)) {
    return zone.to_sys(date::local_days(*day), date::choose::earliest);
  }
  auto instant = parse_rfc3339(text);
  if (!instant) {
    return Error::data("'" + std::string(text) +
                       "' is not a date or a time: expected like 2026-11-30 or 2026-11-30T16:00:00+01:00");
  }
  return *instant;
}

Result<Instant> parse_until(std::string_view text, Instant now, const date::time_zone& zone) {
  if (auto duration = parse_duration(text)) return now + *duration;
  auto moment = parse_moment(text, zone);
  if (!moment) {
    return Error::data("'" + std::string(text) +
                       "' is not a date, a time or a duration: expected like 2026-11-30, "
                       "2026-11-30T16:00:00+01:00 or 3d");
  }
  return *moment;
}

}  // namespace touchbase

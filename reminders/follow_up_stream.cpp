#include "reminders/follow_up_stream.h"

#include <algorithm>
#include <map>

#include "core/sorted_runs.h"
#include "reminders/contact_histories.h"
#include "reminders/contact_record.h"
#include "reminders/reminder_message.h"
#include "scheduler/history.h"
#include "scheduler/plan.h"
#include "scheduler/plan_points.h"
#include "scheduler/resolved_config.h"

namespace touchbase {
namespace {

class FollowUpStream {
 public:
  FollowUpStream(const Config& config, Store& store, const CadenceEngine& engine, const FollowUpQuery& query,
                 const FollowUpSink& sink)
      : config_(config), store_(store), engine_(engine), query_(query), sink_(sink) {}

  Result<std::vector<SkippedContact>> run();

 private:
  bool limited(const Contact& c) const {
    const ResolvedOwner* owner = engine_.resolved().owner_of(c);
    return owner && owner->owner->daily_limit > 0;
  }
  Status read_page(std::vector<Contact>& page, const ContactHistories& histories);
  // Plans the contacts kept in `limited_`, an owner at a time.
  Status plan_owners();
  Status plan_group(std::span<const Contact> contacts, const ContactHistories& histories);
  void add_reminded(const Contact& c, const StoredHistory& h, std::vector<FollowUp>& out) const;

  const Config& config_;
  Store& store_;
  const CadenceEngine& engine_;
  const FollowUpQuery& query_;
  const FollowUpSink& sink_;
  SortedRuns limited_;  // the contacts of owners with a daily_limit, with their histories, by owner id then contact id
  std::vector<SkippedContact> skipped_;
};

Result<std::vector<SkippedContact>> FollowUpStream::run() {
  if (!query_.only.empty()) {
    TB_TRY(auto found, store_.find_contacts(std::span(&query_.only, 1)));
    if (found.empty()) return Error::no_input("no contact '" + query_.only + "'");
    TB_TRY(auto histories, store_.histories_of(std::span(&query_.only, 1)));
    TB_TRY_STATUS(plan_group(found, histories));
  } else {
    auto each = [this](std::vector<Contact>& page, const ContactHistories& h) { return read_page(page, h); };
    TB_TRY_STATUS(for_each_contact_page(store_, each, query_.page_size));
    TB_TRY_STATUS(plan_owners());
  }
  std::sort(skipped_.begin(), skipped_.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return std::move(skipped_);
}

Status FollowUpStream::read_page(std::vector<Contact>& page, const ContactHistories& histories) {
  std::vector<Contact> alone;
  for (Contact& c : page) {
    if (!limited(c)) {
      alone.push_back(std::move(c));
      continue;
    }
    std::string key;
    append_key(key, engine_.resolved().owner_of(c)->id);
    append_key(key, c.id);
    TB_TRY_STATUS(limited_.add(std::move(key), encode_contact(c, stored_history(histories, c.id))));
  }
  return plan_group(alone, histories);
}

Status FollowUpStream::plan_owners() {
  std::string owner;  // the key's owner part, of `contacts`
  std::vector<Contact> contacts;
  ContactHistories histories;
  auto each = [&](std::string_view key, std::string_view record) -> Status {
    const std::string_view key_owner = key.substr(0, key.find('\0'));
    if (key_owner != owner) {
      TB_TRY_STATUS(plan_group(contacts, histories));
      contacts.clear();
      histories = {};
      owner = key_owner;
    }
    return decode_contact(record, contacts, histories);
  };
  TB_TRY_STATUS(limited_.merge(each));
  return plan_group(contacts, histories);
}

void FollowUpStream::add_reminded(const Contact& c, const StoredHistory& h, std::vector<FollowUp>& out) const {
  const Instant now = query_.now;
  for (const Reminder& r : open_reminders(h.touches, h.reminders)) {
    if (r.due_at < *query_.reminded_from || r.due_at >= query_.until || !still_asks(c, r, now)) continue;
    FollowUp& f = out.emplace_back(
        FollowUp{0, r.owner, r.cadence, r.step, r.due_at, r.remind_at, nullptr, {}, {}, r.why, true, {}});
    set_point(f, reminded_choice(config_, r, c, brings_next_step(r, h.touches, h.reminders)), c, h.touches);
  }
}

Status FollowUpStream::plan_group(std::span<const Contact> contacts, const ContactHistories& histories) {
  if (contacts.empty()) return {};
  std::vector<PlanContact> input;
  input.reserve(contacts.size());
  for (const Contact& c : contacts) input.push_back({c, engine_history(histories, c.id)});
  TB_TRY(Plan plan, plan_follow_ups(engine_, input, query_.now, query_.until));
  input.clear();
  skipped_.insert(skipped_.end(), plan.skipped.begin(), plan.skipped.end());
  PointContacts points = point_contacts(histories, contacts);
  const std::vector<PointChoice> choices = choose_planned_points(engine_, plan.follow_ups, points, query_.now);
  std::map<std::string_view, std::vector<std::size_t>> planned;  // indexes into plan.follow_ups, by contact
  for (std::size_t k = 0; k < plan.follow_ups.size(); ++k) planned[plan.follow_ups[k].contact].push_back(k);
  std::vector<FollowUp> items;
  for (const Contact& c : contacts) {
    items.clear();
    if (query_.reminded_from) add_reminded(c, stored_history(histories, c.id), items);
    if (auto it = planned.find(c.id); it != planned.end()) {
      for (std::size_t k : it->second) {
        const PlannedFollowUp& f = plan.follow_ups[k];
        FollowUp& item = items.emplace_back(
            FollowUp{0, f.owner, f.cadence, f.step, f.due_at, f.remind_at, nullptr, {}, {}, f.why, false, f.timezone});
        set_point(item, choices[k], c, points.at(c.id).history.touches);
      }
    }
    if (!items.empty()) TB_TRY_STATUS(sink_(c, items, histories));
  }
  return {};
}

}  // namespace

Result<std::vector<SkippedContact>> stream_follow_ups(const Config& config, Store& store, const CadenceEngine& engine,
                                                      const FollowUpQuery& query, const FollowUpSink& sink) {
  return FollowUpStream(config, store, engine, query, sink).run();
}

}  // namespace touchbase

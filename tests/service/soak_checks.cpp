#include "tests/service/soak_checks.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include <date/tz.h>

namespace touchbase::testing {

namespace {

std::string describe(const Reminder& r) {
  return "reminder " + std::to_string(r.id) + " of " + r.contact_id + " (due " + format_rfc3339(r.due_at) +
         ", remind " + format_rfc3339(r.remind_at) + ", made " + format_rfc3339(r.created_at) + ")";
}

// Successful deliveries by (notifier, key).
std::map<std::string, int, std::less<>> successes(std::span<const Delivery> deliveries) {
  std::map<std::string, int, std::less<>> count;
  for (const Delivery& d : deliveries) {
    if (d.succeeded) ++count[std::string(d.notifier) + " " + std::string(d.key)];
  }
  return count;
}

std::string row_lost(const OutboxRow& row, const std::map<std::string, int, std::less<>>& delivered) {
  const std::string what =
      "outbox row " + std::to_string(row.id) + " (" + row.notifier + ", " + std::string(to_string(row.state)) + ")";
  if (row.state == OutboxState::dead) return row.last_error.empty() ? what + ": dead without an error" : "";
  if (row.state != OutboxState::delivered) return what + ": never delivered";
  if (!delivered.contains(row.notifier + " " + row.idempotency_key)) return what + ": marked delivered, never sent";
  return "";
}

// Whether `rows` end well: one delivered, or every one dead with its error. Else why not.
std::string rows_lost(std::span<const OutboxRow> rows, const std::map<std::string, int, std::less<>>& delivered) {
  std::string why;
  for (const OutboxRow& row : rows) {
    std::string lost = row_lost(row, delivered);
    if (row.state == OutboxState::delivered && lost.empty()) return "";
    if (!lost.empty()) why += (why.empty() ? "" : "; ") + lost;
  }
  return why;
}

bool inside(const WeeklyWindow& window, Instant t, const std::string& zone) {
  const auto local = date::zoned_seconds(zone, t).get_local_time();
  const auto day = date::floor<date::days>(local);
  const int minute = static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count());
  if (!window.days.contains(date::weekday(day).c_encoding())) return false;
  return std::any_of(window.hours.begin(), window.hours.end(),
                     [&](const HourRange& h) { return h.start_minute <= minute && minute < h.end_minute; });
}

// The largest limit of `owner` in force at any time in [from, to).
int largest_limit(std::span<const LimitsFrom> limits, const std::string& owner, Instant from, Instant to) {
  int largest = 0;
  for (std::size_t i = 0; i < limits.size(); ++i) {
    const Instant end = i + 1 < limits.size() ? limits[i + 1].from : Instant::max();
    if (end <= from || limits[i].from >= to) continue;
    if (auto it = limits[i].limits.find(owner); it != limits[i].limits.end()) largest = std::max(largest, it->second);
  }
  return largest;
}

}  // namespace

std::pmr::string repeat_key(std::string_view notifier, std::string_view key, std::pmr::memory_resource* memory) {
  std::pmr::string k(notifier, memory);
  k.append(" ").append(key);
  return k;
}

std::vector<std::string> doubled_deliveries(std::span<const Delivery> deliveries, const AllowedRepeats& allowed) {
  std::vector<std::string> out;
  for (const auto& [key, count] : successes(deliveries)) {
    const auto it = allowed.find(std::pmr::string(key));
    const int most = 1 + (it == allowed.end() ? 0 : it->second);
    if (count > most) {
      out.push_back(key + ": delivered " + std::to_string(count) + " times, at most " + std::to_string(most) +
                    " allowed");
    }
  }
  return out;
}

std::vector<std::string> lost_reminders(std::span<const StoredReminder> reminders,
                                        std::span<const OutboxRow> notice_rows, std::span<const Delivery> deliveries,
                                        std::span<const FollowUpKey> due) {
  std::vector<std::string> out;
  const auto delivered = successes(deliveries);
  std::set<std::pair<std::string, Instant>> made;
  for (const StoredReminder& s : reminders) {
    made.emplace(s.reminder.contact_id, s.reminder.due_at);
    if (s.listed()) continue;
    if (std::string why = rows_lost(s.rows, delivered); !why.empty()) out.push_back(describe(s.reminder) + ": " + why);
  }
  std::map<std::int64_t, std::vector<OutboxRow>> by_notice;
  for (const OutboxRow& row : notice_rows) by_notice[row.notice_id].push_back(row);
  for (const auto& [id, rows] : by_notice) {
    if (std::string why = rows_lost(rows, delivered); !why.empty()) {
      out.push_back("notice " + std::to_string(id) + ": " + why);
    }
  }
  for (const FollowUpKey& f : due) {
    if (!made.contains({f.contact_id, f.due_at})) {
      out.push_back("follow-up of " + f.contact_id + " due " + format_rfc3339(f.due_at) + ": never reminded");
    }
  }
  return out;
}

std::vector<std::string> reminders_too_close(std::span<const StoredReminder> reminders,
                                             const std::map<std::string, std::vector<Instant>>& touches,
                                             Seconds min_gap) {
  std::vector<std::string> out;
  std::map<std::string, std::vector<const Reminder*>> by_contact;
  for (const StoredReminder& s : reminders) by_contact[s.reminder.contact_id].push_back(&s.reminder);
  for (auto& [contact, list] : by_contact) {
    std::sort(list.begin(), list.end(), [](const Reminder* a, const Reminder* b) { return a->id < b->id; });
    const auto logged = touches.find(contact);
    for (auto r = list.begin(); r != list.end(); ++r) {
      std::optional<Instant> latest;
      if (logged != touches.end()) {
        for (Instant t : logged->second) {
          if (t <= (*r)->created_at && (!latest || t > *latest)) latest = t;
        }
      }
      const std::optional<Instant> last_logged = latest;
      for (auto before = list.begin(); before != r; ++before) {
        // A touch logged since a reminder was made (or fell due) answers it: it stands for no touch of its own.
        const bool answered = last_logged && *last_logged >= std::min((*before)->created_at, (*before)->due_at);
        if (!answered) latest = latest ? std::max(*latest, (*before)->due_at) : (*before)->due_at;
      }
      if (latest && (*r)->due_at - *latest < min_gap) {
        out.push_back(describe(**r) + ": only " + std::to_string(((*r)->due_at - *latest).count()) +
                      "s after the touch at " + format_rfc3339(*latest) + ", min_gap " + format_duration(min_gap));
      }
    }
  }
  return out;
}

std::vector<std::string> over_daily_limit(std::span<const StoredReminder> reminders, const Config& config,
                                          std::span<const LimitsFrom> limits) {
  std::map<std::pair<std::string, date::local_days>, int> count;
  for (const StoredReminder& s : reminders) {
    const auto owner = config.owners.find(s.reminder.owner);
    if (s.listed() || owner == config.owners.end()) continue;
    const Instant at = std::max(s.reminder.remind_at, s.reminder.created_at);
    const auto local = date::zoned_seconds(owner->second.timezone, at).get_local_time();
    ++count[{s.reminder.owner, date::floor<date::days>(local)}];
  }
  std::vector<std::string> out;
  for (const auto& [owner_day, n] : count) {
    const auto& [owner, day] = owner_day;
    const auto zone = date::locate_zone(config.owners.at(owner).timezone);
    const Instant from = date::zoned_seconds(zone, date::local_seconds(day)).get_sys_time();
    const Instant to = date::zoned_seconds(zone, date::local_seconds(day + date::days(1))).get_sys_time();
    const int limit = largest_limit(limits, owner, from, to);
    if (n > limit) {
      out.push_back(owner + " on " + date::format("%F", day) + ": " + std::to_string(n) + " reminders, limit " +
                    std::to_string(limit));
    }
  }
  return out;
}

std::vector<std::string> outside_working_hours(std::span<const StoredReminder> reminders, const Config& config,
                                               std::span<const Delivery> deliveries) {
  std::unordered_map<std::string, Instant> first_attempt;
  for (const Delivery& d : deliveries) first_attempt.try_emplace(std::string(d.key), d.at);
  std::vector<std::string> out;
  for (const StoredReminder& s : reminders) {
    const Reminder& r = s.reminder;
    const auto owner = config.owners.find(r.owner);
    if (owner == config.owners.end()) continue;
    if (!inside(owner->second.working_hours, r.remind_at, owner->second.timezone)) {
      out.push_back(describe(r) + ": outside " + r.owner + "'s working hours: " + r.why);
    }
    for (const OutboxRow& row : s.rows) {
      const auto first = first_attempt.find(row.idempotency_key);
      if (first != first_attempt.end() && first->second < r.remind_at) {
        out.push_back(describe(r) + ": sent through " + row.notifier + " early, at " + format_rfc3339(first->second));
      }
    }
  }
  return out;
}

std::vector<std::string> reminded_while_quiet(std::span<const StoredReminder> reminders,
                                              std::span<const QuietSpan> spans) {
  std::map<std::string, std::vector<const QuietSpan*>> by_contact;
  for (const QuietSpan& q : spans) by_contact[q.contact_id].push_back(&q);
  std::vector<std::string> out;
  for (const StoredReminder& s : reminders) {
    const Reminder& r = s.reminder;
    const auto it = by_contact.find(r.contact_id);
    if (it == by_contact.end()) continue;
    for (const QuietSpan* q : it->second) {
      const std::string span =
          "[" + format_rfc3339(q->from) + ", " + (q->until == Instant::max() ? "..." : format_rfc3339(q->until)) + ")";
      // Made ahead of a call at or after the span's end (the owner's hours end before it) is not pushy.
      if (q->from > r.created_at || r.due_at >= q->until) continue;
      if (r.created_at < q->until) {
        out.push_back(describe(r) + ": made while quiet " + span + ", due inside it");
      } else if (!q->ended_by_resume) {
        out.push_back(describe(r) + ": due before the end of " + span);
      }
    }
  }
  return out;
}

std::vector<std::string> memory_grew(std::span<const std::size_t> samples, std::size_t margin) {
  if (samples.size() < 2 || samples.back() <= samples.front() + margin) return {};
  return {"memory grew from " + std::to_string(samples.front()) + " to " + std::to_string(samples.back()) +
          " bytes, more than the margin of " + std::to_string(margin)};
}

}  // namespace touchbase::testing

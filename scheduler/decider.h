#pragma once
// One decision of the cadence engine: the rules of cadence_engine.h applied
// to one contact. Lives for one call; holds references to its inputs.

#include <optional>
#include <span>
#include <string_view>

#include "scheduler/cadence_engine.h"
#include "scheduler/calendar.h"
#include "scheduler/resolved_config.h"
#include "scheduler/touch_summary.h"
#include "scheduler/why_text.h"

namespace touchbase {

class Decider {
 public:
  Decider(const ResolvedConfig& config, const Contact& contact, std::span<const Touch> history, Instant now,
          const NextOptions& options, Decision& out);
  void run();

 private:
  // What raised the earliest instant last, for the reasons text.
  enum class Bound { base, separation, min_gap, cap, pause, not_before };

  // Where the gap comes from.
  struct Base {
    Instant at;
    std::optional<std::size_t> step_index;  // the step whose gap applies; none: no touch yet or an agreed date
    double factor = 1;
  };

  bool stopped_by_status();
  bool skipped_for_zone();
  bool transition();
  bool to_then(const Cadence& cadence);
  std::optional<std::size_t> gap_step_index() const;
  std::optional<Instant> agreed_start() const;

  void schedule();
  Base base(CalendarNotes& notes) const;
  Instant gap_end(Seconds gap, bool business_days, CalendarNotes& notes) const;
  void remind();
  // When the reminder for the follow-up would go out off the owner's working
  // hours because its time has passed: the owner's first working moment at or
  // after now (the follow-up then moves to the first window instant at least
  // lead_time after it). nullopt when the reminder is fine as it is.
  std::optional<Instant> reminder_missed_working_hours() const;

  void explain_touch(const Base& b);
  void explain_bound(Bound bound);
  void explain_window(Instant earliest, const CalendarNotes& notes);
  void explain_reminder();
  void explain_moved_for_working_hours();

  const ResolvedConfig& config_;
  const Contact& contact_;
  std::span<const Touch> history_;
  Instant now_;
  const NextOptions& options_;
  Decision& out_;
  WhyBuilder why_;

  const ResolvedCadence* cadence_ = nullptr;
  const ResolvedOwner* owner_ = nullptr;
  Zone zone_;
  const Holidays& holidays_;  // the contact's
  TouchSummary touches_;
  std::optional<Instant> agreed_;
  std::string_view reply_overridden_;  // on_reply "pause"/"stop" that an agreed date overrides
  Instant computed_remind_{};          // the reminder before it is kept from the past
  CalendarNotes owner_notes_;          // the owner's holidays the reminder was moved over
  std::optional<Instant> passed_due_;  // the first window instant, when moved for the owner's working hours
};

}  // namespace touchbase

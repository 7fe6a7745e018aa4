#include "scheduler/touch_summary.h"

namespace touchbase {

TouchView::TouchView(const Contact& contact, std::span<const Touch> history) : history_(history) {
  if (!contact.last_touch) return;
  const Instant t = *contact.last_touch;
  if (history.empty() || t < history.front().at) {
    extra_ = t;
    extra_first_ = true;
  } else if (t > history.back().at) {
    extra_ = t;
  }
}

Instant TouchView::at(std::size_t i) const {
  if (extra_ && extra_first_) return i == 0 ? *extra_ : history_[i - 1].at;
  return i < history_.size() ? history_[i].at : *extra_;
}

Outcome TouchView::outcome(std::size_t i) const {
  if (extra_ && extra_first_) return i == 0 ? Outcome::touched : history_[i - 1].outcome;
  return i < history_.size() ? history_[i].outcome : Outcome::touched;
}

TouchSummary summarize(const Contact& contact, std::span<const Touch> history, const std::optional<RollingCap>& cap) {
  const TouchView touches(contact, history);
  const std::size_t n = touches.size();
  TouchSummary s;
  if (n == 0) return s;
  s.any = true;
  s.last = touches.at(n - 1);
  const Instant since = contact.cadence_since.value_or(Instant::min());
  std::size_t first_in = n;
  while (first_in > 0 && touches.at(first_in - 1) > since) --first_in;
  s.in_cadence = static_cast<int>(n - first_in);
  s.anchored = s.in_cadence == 0;
  if (!s.anchored) {
    s.last_replied = is_reply(touches.outcome(n - 1));
    for (std::size_t i = n; i > first_in; --i) {
      if (is_reply(touches.outcome(i - 1))) break;
      ++s.unanswered;
    }
  }
  if (cap && cap->count > 0 && n >= static_cast<std::size_t>(cap->count)) {
    s.cap_bound = touches.at(n - static_cast<std::size_t>(cap->count)) + cap->within;
  }
  return s;
}

}  // namespace touchbase

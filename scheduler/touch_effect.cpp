#include "scheduler/touch_effect.h"

#include <algorithm>

namespace touchbase {

TouchEffect apply_touch(const Cadence& cadence, const Touch& t, const NextStep& next, Contact& contact) {
  TouchEffect effect;
  contact.next_step = next;
  if (contact.status == ContactStatus::dormant) {
    contact.status = ContactStatus::active;
    contact.cadence_since = t.at;
    effect.kind = TouchEffect::Kind::active_again;
  }
  if (!is_reply(t.outcome)) return effect;
  effect.reply = reply_rule(cadence);
  switch (effect.reply.kind) {
    case ReplyRule::Kind::switch_cadence:
      contact.cadence = std::string(effect.reply.name);
      contact.cadence_since = t.at;
      effect.kind = TouchEffect::Kind::moved;
      break;
    case ReplyRule::Kind::stop:
    case ReplyRule::Kind::pause:
      if (next.date) {
        effect.kind = TouchEffect::Kind::date_comes_first;
      } else if (effect.reply.kind == ReplyRule::Kind::stop) {
        effect.kind = TouchEffect::Kind::stopped;
      } else {
        contact.status = ContactStatus::paused;
        contact.paused_until.reset();
        effect.kind = TouchEffect::Kind::paused;
      }
      break;
  }
  return effect;
}

std::string follow_ups_after(const TouchEffect& effect, const Contact& contact) {
  switch (effect.kind) {
    case TouchEffect::Kind::none:
    case TouchEffect::Kind::active_again: break;
    case TouchEffect::Kind::date_comes_first: return "the agreed date comes first";
    case TouchEffect::Kind::stopped: return "follow-ups stopped";
    case TouchEffect::Kind::paused: return "follow-ups paused";
    case TouchEffect::Kind::moved: return "moved to cadence " + contact.cadence;
  }
  return "";
}

Instant touch_time_within(std::optional<Instant> at, std::optional<Instant> last_touch, Instant now) {
  const Instant wanted = at.value_or(now);
  return std::clamp(wanted, std::min(last_touch.value_or(wanted), now), now);
}

}  // namespace touchbase

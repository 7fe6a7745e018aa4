#include "scheduler/touch_effect.h"

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

}  // namespace touchbase

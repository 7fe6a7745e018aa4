#include "scheduler/reply_rule.h"

namespace touchbase {

ReplyRule reply_rule(const Cadence& cadence) {
  const std::string_view on_reply = cadence.on_reply;
  if (on_reply.empty() || on_reply == k_on_reply_pause) return {ReplyRule::Kind::pause, k_on_reply_pause};
  if (on_reply == k_on_reply_stop) return {ReplyRule::Kind::stop, k_on_reply_stop};
  return {ReplyRule::Kind::switch_cadence, on_reply};
}

}  // namespace touchbase

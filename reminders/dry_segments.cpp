#include "reminders/dry_segments.h"

#include <spdlog/spdlog.h>

#include "scheduler/talking_points.h"

namespace touchbase {
namespace {

// `tags = ["a", "b"]`, `stages = ["proposal"]`: what a point for the segment names.
std::string suggested_keys(const Contact& contact) {
  std::string out;
  if (!contact.tags.empty()) {
    out += "tags = [";
    for (std::size_t i = 0; i < contact.tags.size(); ++i) out += (i ? ", \"" : "\"") + contact.tags[i] + "\"";
    out += "]";
  }
  if (!contact.stage.empty()) out += (out.empty() ? "" : " and ") + ("stages = [\"" + contact.stage + "\"]");
  return out.empty() ? "no tags or stages" : out;
}

}  // namespace

Notice dry_segment_notice(const Owner& owner, const Contact& contact, const Decision& d, Instant now) {
  Notice n;
  n.owner = owner.id;
  n.headline = "No fresh talking point for " + segment_of(contact);
  n.body = "The follow-up with " + contact.name + " (touch " + std::to_string(d.step) + " of " + d.cadence +
           ") waits: " + d.cadence + " requires a talking point and none fits that " + contact.name +
           " has not been given yet. Add a [[talking_points]] entry with " + suggested_keys(contact) +
           " and reload touchbase; the waiting follow-ups then go out.";
  n.created_at = now;
  return n;
}

Status DrySegments::waiting(const Contact& contact, const Decision& d, Instant now) {
  const Owner& owner = config_.owner_for(contact.owner);
  const std::string segment = segment_of(contact);
  waiting_.emplace(owner.id, segment);
  std::vector<std::string> notifiers(owner.notify.begin(), owner.notify.begin() + (owner.notify.empty() ? 0 : 1));
  TB_TRY(auto told, store_.record_dry_segment(segment, dry_segment_notice(owner, contact, d, now), notifiers));
  if (told) spdlog::warn("owner {}: no fresh talking point for {} (notice {})", owner.id, segment, told->id);
  return {};
}

Status DrySegments::end_pass() {
  TB_TRY(auto dry, store_.dry_segments());
  for (const DrySegment& s : dry) {
    if (waiting_.contains({s.owner, s.segment})) continue;
    spdlog::info("owner {}: no follow-up of {} waits for a talking point any more", s.owner, s.segment);
    TB_TRY_STATUS(store_.forget_dry_segment(s.owner, s.segment));
  }
  return {};
}

}  // namespace touchbase

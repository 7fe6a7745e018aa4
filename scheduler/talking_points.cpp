#include "scheduler/talking_points.h"

#include <algorithm>

namespace touchbase {
namespace {

template <class Range, class T>
bool contains(const Range& r, const T& value) {
  return std::find(r.begin(), r.end(), value) != r.end();
}

bool suits(const TalkingPoint& p, const Contact& c, int step) {
  bool tags_match = p.tags.empty() || std::any_of(p.tags.begin(), p.tags.end(),
                                                  [&](const std::string& t) { return contains(c.tags, t); });
  bool stage_matches = p.stages.empty() || contains(p.stages, c.stage);
  bool step_matches = p.steps.empty() || contains(p.steps, step);
  return tags_match && stage_matches && step_matches;
}

}  // namespace

const TalkingPoint* choose_talking_point(std::span<const TalkingPoint> library, const Contact& contact, int step,
                                         std::span<const std::string> used, Date today) {
  for (const TalkingPoint& p : library) {
    bool expired = p.expires && *p.expires < today;
    if (!expired && !contains(used, p.id) && suits(p, contact, step)) return &p;
  }
  return nullptr;
}

}  // namespace touchbase

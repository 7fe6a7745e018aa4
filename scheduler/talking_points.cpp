#include "scheduler/talking_points.h"

#include <algorithm>
#include <optional>
#include <tuple>

namespace touchbase {
namespace {

template <class Range, class T>
bool contains(const Range& r, const T& value) {
  return std::find(r.begin(), r.end(), value) != r.end();
}

std::optional<Instant> last_touch_at(const Contact& contact, std::span<const Touch> touches) {
  std::optional<Instant> last = contact.last_touch;
  if (!touches.empty() && (!last || touches.back().at > *last)) last = touches.back().at;
  return last;
}

std::string last_note(std::span<const Touch> touches) {
  for (auto it = touches.rbegin(); it != touches.rend(); ++it) {
    if (!it->note.empty()) return it->note;
  }
  return "";
}

std::string first_name(const std::string& name) {
  return name.substr(0, name.find(' '));
}

std::string value_of(Placeholder p, const Contact& c, std::span<const Touch> touches, Instant at) {
  switch (p) {
    case Placeholder::first_name: return first_name(c.name);
    case Placeholder::name: return c.name;
    case Placeholder::company: return c.company;
    case Placeholder::title: return c.title;
    case Placeholder::stage: return c.stage;
    case Placeholder::days_since_last_touch: {
      auto last = last_touch_at(c, touches);
      if (!last) return "";
      return std::to_string(std::max<long long>(0, date::floor<date::days>(at - *last).count()));
    }
    case Placeholder::last_note: return last_note(touches);
  }
  return "";
}

// Every placeholder has a value to fill in.
bool fillable(const TalkingPoint& p, const Contact& c, std::span<const Touch> touches) {
  return std::all_of(p.pieces.begin(), p.pieces.end(), [&](const TextPiece& piece) {
    if (!piece.placeholder) return true;
    if (*piece.placeholder == Placeholder::days_since_last_touch) return last_touch_at(c, touches).has_value();
    return !value_of(*piece.placeholder, c, touches, Instant{}).empty();
  });
}

bool suits_contact(const TalkingPoint& p, const Contact& c, std::string_view owner, int step) {
  bool owner_ok = p.owner.empty() || p.owner == owner;
  bool tags_ok = p.tags.empty() ||
                 std::any_of(p.tags.begin(), p.tags.end(), [&](const std::string& t) { return contains(c.tags, t); });
  bool stage_ok = p.stages.empty() || contains(p.stages, c.stage);
  bool step_ok = p.steps.empty() || contains(p.steps, step);
  return owner_ok && tags_ok && stage_ok && step_ok;
}

// Orders the points that fit: the most specific, then the soonest to expire
// (undated last), then the smaller id.
bool goes_before(const TalkingPoint& a, const TalkingPoint& b) {
  auto key = [](const TalkingPoint& p) {
    return std::tuple(-match_score(p), !p.expires.has_value(), p.expires.value_or(Date{}), std::string_view(p.id));
  };
  return key(a) < key(b);
}

}  // namespace

int match_score(const TalkingPoint& point) {
  return (point.stages.empty() ? 0 : 4) + (point.tags.empty() ? 0 : 2) + (point.steps.empty() ? 0 : 1);
}

bool fits(const TalkingPoint& point, const PointRequest& request) {
  const Contact& c = *request.contact;
  bool expired = point.expires && *point.expires < request.today;
  return !expired && suits_contact(point, c, request.owner, request.step) && !contains(request.used, point.id) &&
         fillable(point, c, request.touches);
}

PointChoice choose_talking_point(std::span<const TalkingPoint> library, const PointRequest& request) {
  if (!request.contact->next_step.text.empty() && !request.next_step_brought) {
    return {PointChoice::Kind::next_step, nullptr};
  }
  const TalkingPoint* best = nullptr;
  for (const TalkingPoint& p : library) {
    if (fits(p, request) && (best == nullptr || goes_before(p, *best))) best = &p;
  }
  if (best == nullptr) return {};
  return {PointChoice::Kind::point, best};
}

std::string render_talking_point(const TalkingPoint& point, const Contact& contact, std::span<const Touch> touches,
                                 Instant at) {
  if (point.pieces.empty()) return point.text;  // a point built without parsing its text
  std::string out;
  for (const TextPiece& piece : point.pieces) {
    out += piece.placeholder ? value_of(*piece.placeholder, contact, touches, at) : piece.literal;
  }
  return out;
}

std::string bring_text(const PointChoice& choice, const Contact& contact, std::span<const Touch> touches, Instant at) {
  switch (choice.kind) {
    case PointChoice::Kind::next_step: return next_step_point(contact.next_step);
    case PointChoice::Kind::point: return render_talking_point(*choice.point, contact, touches, at);
    case PointChoice::Kind::none: break;
  }
  return no_point_text(contact);
}

std::string next_step_point(const NextStep& next_step) {
  return "You promised to " + next_step_text(next_step);
}

std::string segment_of(const Contact& contact) {
  std::string tags;
  for (const auto& t : contact.tags) tags += (tags.empty() ? "" : ",") + t;
  return (tags.empty() ? "untagged" : tags) + " / " + (contact.stage.empty() ? "any stage" : contact.stage);
}

std::string no_point_text(const Contact& contact) {
  return "No fresh talking point for " + segment_of(contact) + " — add one to the library";
}

}  // namespace touchbase

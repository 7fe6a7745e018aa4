#include "config/config.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <utility>

namespace touchbase {
namespace {

constexpr std::array<std::pair<NotifierKind, std::string_view>, 9> k_kind_names = {{
    {NotifierKind::email, "email"},
    {NotifierKind::slack, "slack"},
    {NotifierKind::teams, "teams"},
    {NotifierKind::discord, "discord"},
    {NotifierKind::mattermost, "mattermost"},
    {NotifierKind::google_chat, "google-chat"},
    {NotifierKind::webhook, "webhook"},
    {NotifierKind::console, "console"},
    {NotifierKind::command, "command"},
}};

}  // namespace

std::string_view to_string(NotifierKind k) {
  for (const auto& [kind, name] : k_kind_names) {
    if (kind == k) return name;
  }
  return "unknown";
}

std::optional<NotifierKind> parse_notifier_kind(std::string_view text) {
  for (const auto& [kind, name] : k_kind_names) {
    if (name == text) return kind;
  }
  return std::nullopt;
}

const Cadence& Config::cadence_for(std::string_view name) const {
  if (auto it = cadences.find(std::string(name)); it != cadences.end()) return it->second;
  assert(cadences.contains(defaults.cadence));
  return cadences.at(defaults.cadence);
}

const Owner& Config::owner_for(std::string_view id) const {
  if (auto it = owners.find(std::string(id)); it != owners.end()) return it->second;
  if (auto it = owners.find(defaults.owner); it != owners.end()) return it->second;
  assert(!owners.empty());
  return owners.begin()->second;
}

const TalkingPoint* Config::talking_point(std::string_view id) const {
  auto it =
      std::find_if(talking_points.begin(), talking_points.end(), [&](const TalkingPoint& p) { return p.id == id; });
  return it == talking_points.end() ? nullptr : &*it;
}

std::optional<Rate> default_rate(NotifierKind kind) {
  using std::chrono::seconds;
  switch (kind) {
    case NotifierKind::slack: return Rate{1, seconds(1)};
    case NotifierKind::google_chat: return Rate{60, seconds(60)};
    case NotifierKind::discord: return Rate{5, seconds(2)};
    case NotifierKind::teams: return Rate{4, seconds(1)};
    default: return std::nullopt;
  }
}

}  // namespace touchbase

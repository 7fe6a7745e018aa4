// What can only be settled once every section is read: defaults that depend
// on other sections, and names that must be defined elsewhere.
#include <algorithm>

#include "config/sections.h"
#include "config/suggest.h"

namespace touchbase::config_detail {
namespace {

template <class Map>
std::vector<std::string> names_of(const Map& map) {
  std::vector<std::string> names;
  for (const auto& [name, value] : map) names.push_back(name);
  return names;
}

std::string_view target_name(Reference::Target target) {
  switch (target) {
    case Reference::Target::owner: return "owner";
    case Reference::Target::notifier: return "notifier";
    case Reference::Target::cadence: return "cadence";
  }
  return "name";
}

std::vector<std::string> defined(const Config& config, Reference::Target target) {
  switch (target) {
    case Reference::Target::owner: return names_of(config.owners);
    case Reference::Target::notifier: return names_of(config.notifiers);
    case Reference::Target::cadence: return names_of(config.cadences);
  }
  return {};
}

// "'a', 'b' or 'c'" (conjunction "or"), "'a', 'b', 'c'" (conjunction "").
std::string quoted_list(const std::vector<std::string>& names, std::string_view conjunction = "or") {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    bool last = i + 1 == names.size();
    if (i > 0) out += last && !conjunction.empty() ? " " + std::string(conjunction) + " " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

}  // namespace

void resolve_defaults(Config& config, LoadContext& ctx) {
  if (config.cadences.empty()) {
    ctx.diag.error({}, "cadences", "at least one cadence is required: add a [cadences.NAME] table with steps");
  } else if (config.defaults.cadence.empty()) {
    bool preferred = config.cadences.contains(std::string(k_preferred_default_cadence));
    config.defaults.cadence = preferred ? std::string(k_preferred_default_cadence) : config.cadences.begin()->first;
  }
  if (config.owners.empty()) {
    ctx.diag.error({}, "owners", "at least one owner is required: add an [owners.ID] table with notify");
  } else if (config.defaults.owner.empty() && config.owners.size() == 1) {
    config.defaults.owner = config.owners.begin()->first;
  }
  for (auto& [id, owner] : config.owners) {
    if (owner.timezone.empty()) owner.timezone = config.defaults.timezone;
  }
}

void check_references(const Config& config, LoadContext& ctx) {
  for (const auto& ref : ctx.references) {
    std::vector<std::string> names = defined(config, ref.target);
    if (std::find(names.begin(), names.end(), ref.name) != names.end()) continue;
    std::string what(target_name(ref.target));
    std::vector<std::string> valid = ref.also_valid;
    valid.insert(valid.end(), names.begin(), names.end());
    // "owner 'bob' is not defined", "'halt' is not 'pause', 'stop' or a defined cadence"
    std::string problem = ref.also_valid.empty() ? what + " '" + ref.name + "' is not defined"
                                                 : "'" + ref.name + "' is not " + quoted_list(ref.also_valid, "") +
                                                       " or a defined " + what;
    std::string hint = did_you_mean(ref.name, valid);
    if (hint.empty() && names.empty()) hint = "; no " + what + " is defined";
    if (hint.empty() && ref.also_valid.empty()) hint = ": expected " + quoted_list(names);
    if (hint.empty()) hint = " (defined: " + quoted_list(names, "and") + ")";
    ctx.diag.error(ref.at, ref.key, problem + hint);
  }
}

}  // namespace touchbase::config_detail

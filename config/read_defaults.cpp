// [defaults], and the window form shared with [owners.ID].
#include <array>

#include "config/sections.h"

namespace touchbase::config_detail {
namespace {

constexpr std::array<std::string_view, 5> k_defaults_keys = {"timezone", "contact_window", "lead_time", "cadence",
                                                             "owner"};
constexpr std::array<std::string_view, 2> k_window_keys = {"days", "hours"};

// REQUIRES: `days` and `hours` are valid (the k_default_* constants).
WeeklyWindow default_window(std::string_view days, std::string_view hours) {
  return WeeklyWindow{parse_day_set(days).value(), parse_hour_ranges(hours).value()};
}

}  // namespace

WeeklyWindow read_window(const Value& value, std::string_view default_days, std::string_view default_hours) {
  WeeklyWindow w = default_window(default_days, default_hours);
  if (!value) return w;
  if (const auto* text = value.node()->as_string()) {
    auto parsed = parse_window(text->get());
    if (!parsed) value.error(parsed.error().message);
    return parsed ? std::move(parsed).value() : w;
  }
  if (!value.table(R"(a table like { days = "mon-fri", hours = "09:00-17:00" })")) return w;
  TableReader t(value, k_window_keys);
  if (auto days = t.get("days").days()) w.days = *days;
  if (auto hours = t.get("hours").hours()) w.hours = std::move(*hours);
  t.report_unknown_keys();
  return w;
}

void read_defaults(const TableReader& root, LoadContext& ctx, Defaults& out) {
  out.contact_window = default_window(k_default_contact_days, k_default_contact_hours);
  Value v = root.get("defaults");
  if (!v || !v.table("a table like [defaults]")) return;
  TableReader t(v, k_defaults_keys);
  if (auto zone = t.get("timezone").zone()) out.timezone = *zone;
  out.contact_window = read_window(t.get("contact_window"), k_default_contact_days, k_default_contact_hours);
  if (auto lead = t.get("lead_time").duration()) out.lead_time = *lead;
  Value cadence = t.get("cadence");
  if (auto name = cadence.non_empty_string("a cadence name")) {
    out.cadence = *name;
    ctx.refer(Reference::Target::cadence, cadence, *name);
  }
  Value owner = t.get("owner");
  if (auto id = owner.non_empty_string("an owner id")) {
    out.owner = *id;
    ctx.refer(Reference::Target::owner, owner, *id);
  }
  t.report_unknown_keys();
}

}  // namespace touchbase::config_detail

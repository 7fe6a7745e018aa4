// [owners.ID]: the salespeople who are reminded.
#include <algorithm>
#include <array>
#include <limits>

#include "config/sections.h"
#include "core/region.h"

namespace touchbase::config_detail {
namespace {

constexpr std::array<std::string_view, 7> k_owner_keys = {"name",        "timezone", "working_hours", "notify",
                                                          "daily_limit", "region",   "mailbox"};

void read_region(const Value& v, Owner& owner) {
  auto text = v.string(R"(a region like "US-NY")");
  if (!text) return;
  auto region = parse_region(*text);
  if (!region) return v.error(region.error().message);
  owner.region = std::move(*region);
}

void read_notify(const Value& v, LoadContext& ctx, Owner& owner) {
  const auto* arr = v.array(R"(an array of notifier names like ["alice-mail"])");
  if (arr == nullptr) return;
  if (arr->empty()) return v.error(R"(expected at least one notifier name, like ["alice-mail"])");
  for (std::size_t i = 0; i < arr->size(); ++i) {
    Value e = v.element(*arr, i);
    auto name = e.non_empty_string("a notifier name");
    if (!name) continue;
    if (std::find(owner.notify.begin(), owner.notify.end(), *name) != owner.notify.end()) {
      e.error("notifier '" + *name + "' is listed twice");
      continue;
    }
    owner.notify.push_back(*name);
    ctx.refer(Reference::Target::notifier, e, *name);
  }
}

Owner read_owner(const std::string& id, const Value& v, LoadContext& ctx) {
  Owner o;
  o.id = id;
  o.name = id;
  TableReader t(v, k_owner_keys);
  if (auto name = t.get("name").non_empty_string()) o.name = *name;
  if (auto zone = t.get("timezone").zone()) o.timezone = *zone;
  read_region(t.get("region"), o);
  o.working_hours = read_window(t.get("working_hours"), k_default_working_days, k_default_working_hours);
  read_notify(t.required("notify", R"(an array of notifier names like ["alice-mail"])"), ctx, o);
  if (auto limit = t.get("daily_limit").integer(1, std::numeric_limits<int>::max())) o.daily_limit = *limit;
  if (const Value mailbox = t.get("mailbox")) o.mailbox = read_mailbox(mailbox, ctx);
  t.report_unknown_keys();
  return o;
}

}  // namespace

void read_owners(const TableReader& root, LoadContext& ctx, std::map<std::string, Owner>& out) {
  for_each_named_table(root, "owners", "a table like [owners.alice]",
                       [&](const std::string& id, const Value& v) { out[id] = read_owner(id, v, ctx); });
}

}  // namespace touchbase::config_detail

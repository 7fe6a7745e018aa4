// [cadences.NAME]: how often to follow up, and when to stop.
#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

#include "config/sections.h"

namespace touchbase::config_detail {
namespace {

constexpr std::array<std::string_view, 10> k_cadence_keys = {
    "steps",   "repeat",        "business_days", "min_gap",  "max_touches",
    "backoff", "give_up_after", "then",          "on_reply", "require_talking_point"};
constexpr std::array<std::string_view, 2> k_cap_keys = {"count", "within"};

std::string format_number(double d) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return ec == std::errc{} ? std::string(buf, end) : "?";
}

void read_steps(const Value& v, Cadence& c) {
  const auto* arr = v.array(R"(an array of durations like ["2d", "4d"])");
  if (arr == nullptr) return;
  if (arr->empty()) return v.error(R"(expected at least one step, like ["2d", "4d"])");
  for (std::size_t i = 0; i < arr->size(); ++i) {
    Value e = v.element(*arr, i);
    auto step = e.duration();
    if (!step) continue;
    if (step->count() <= 0) {
      e.error("a step must be longer than 0s");
      continue;
    }
    c.steps.push_back(*step);
  }
}

std::optional<RollingCap> read_cap(const Value& v) {
  if (!v || !v.table(R"(a table like { count = 3, within = "21d" })")) return std::nullopt;
  TableReader t(v, k_cap_keys);
  auto count = t.required("count", "an integer of at least 1").integer(1, std::numeric_limits<int>::max());
  Value within_value = t.required("within", R"(a duration like "21d")");
  auto within = within_value.duration();
  if (within && within->count() <= 0) within_value.error("the window of the cap must be longer than 0s");
  t.report_unknown_keys();
  if (!count || !within) return std::nullopt;
  return RollingCap{*count, *within};
}

void read_backoff(const Value& v, Cadence& c) {
  auto factor = v.number();
  if (!factor) return;
  if (!(*factor >= 1.0)) return v.error("expected a factor of 1.0 or more, got " + format_number(*factor));
  c.backoff = *factor;
}

// then = "dormant" | a cadence; on_reply = "pause" | "stop" | a cadence.
void read_transition(const Value& v, LoadContext& ctx, std::vector<std::string> words, std::string& out) {
  std::string expected =
      "\"" + words.front() + "\"" + (words.size() > 1 ? ", \"" + words.back() + "\"" : "") + " or a cadence name";
  auto name = v.non_empty_string(expected);
  if (!name) return;
  out = *name;
  if (std::find(words.begin(), words.end(), *name) == words.end()) {
    ctx.refer(Reference::Target::cadence, v, *name, std::move(words));
  }
}

Cadence read_cadence(const std::string& name, const Value& v, LoadContext& ctx) {
  Cadence c;
  c.name = name;
  TableReader t(v, k_cadence_keys);
  read_steps(t.required("steps", R"(an array of durations like ["2d", "4d"])"), c);
  if (auto repeat = t.get("repeat").boolean()) c.repeat = *repeat;
  if (auto business = t.get("business_days").boolean()) c.business_days = *business;
  if (auto gap = t.get("min_gap").duration()) c.min_gap = *gap;
  c.max_touches = read_cap(t.get("max_touches"));
  read_backoff(t.get("backoff"), c);
  if (auto n = t.get("give_up_after").integer(0, std::numeric_limits<int>::max())) c.give_up_after = *n;
  read_transition(t.get("then"), ctx, {std::string(k_then_dormant)}, c.then);
  read_transition(t.get("on_reply"), ctx, {std::string(k_on_reply_pause), std::string(k_on_reply_stop)}, c.on_reply);
  if (auto required = t.get("require_talking_point").boolean()) c.require_talking_point = *required;
  t.report_unknown_keys();
  return c;
}

}  // namespace

void read_cadences(const TableReader& root, LoadContext& ctx, std::map<std::string, Cadence>& out) {
  for_each_named_table(root, "cadences", "a table like [cadences.prospect]",
                       [&](const std::string& name, const Value& v) { out[name] = read_cadence(name, v, ctx); });
}

}  // namespace touchbase::config_detail

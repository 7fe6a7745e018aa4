// [[talking_points]]: the value-adding lines a reminder carries.
#include <array>
#include <limits>
#include <map>

#include "config/sections.h"

namespace touchbase::config_detail {
namespace {

constexpr std::array<std::string_view, 7> k_point_keys = {"id", "text", "link", "tags", "stages", "steps", "expires"};

void read_steps(const Value& v, TalkingPoint& p) {
  const auto* arr = v.array("an array of touch numbers like [1, 2]");
  if (arr == nullptr) return;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    if (auto n = v.element(*arr, i).integer(1, std::numeric_limits<int>::max())) p.steps.push_back(*n);
  }
}

// `first_line` maps each id to the line that defined it first.
TalkingPoint read_point(const Value& v, std::map<std::string, int>& first_line) {
  TalkingPoint p;
  TableReader t(v, k_point_keys);
  Value id = t.required("id", R"(a string like "q4-benchmark")");
  if (auto s = id.non_empty_string()) {
    p.id = *s;
    auto [it, inserted] = first_line.emplace(*s, id.place().line);
    if (!inserted)
      id.error("duplicate talking point id '" + *s + "': first used at line " + std::to_string(it->second));
  }
  if (auto text = t.required("text", "a string").non_empty_string()) p.text = *text;
  if (auto link = t.get("link").non_empty_string()) p.link = *link;
  if (auto tags = t.get("tags").strings()) p.tags = std::move(*tags);
  if (auto stages = t.get("stages").strings()) p.stages = std::move(*stages);
  read_steps(t.get("steps"), p);
  p.expires = t.get("expires").date();
  t.report_unknown_keys();
  return p;
}

}  // namespace

void read_talking_points(const TableReader& root, LoadContext&, std::vector<TalkingPoint>& out) {
  Value v = root.get("talking_points");
  const auto* arr = v.array("an array of tables like [[talking_points]]");
  if (arr == nullptr) return;
  std::map<std::string, int> first_line;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    Value e = v.element(*arr, i);
    if (e.table("a table like [[talking_points]]")) out.push_back(read_point(e, first_line));
  }
}

}  // namespace touchbase::config_detail

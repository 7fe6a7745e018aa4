// [[talking_points]]: the value-adding lines a reminder carries.
#include <array>
#include <limits>

#include "config/point_text.h"
#include "config/sections.h"

namespace touchbase::config_detail {
namespace {

constexpr std::array<std::string_view, 8> k_point_keys = {"id",     "text",  "link",    "tags",
                                                          "stages", "steps", "expires", "owner"};

void read_steps(const Value& v, TalkingPoint& p) {
  const auto* arr = v.array("an array of touch numbers like [1, 2]");
  if (arr == nullptr) return;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    if (auto n = v.element(*arr, i).integer(1, std::numeric_limits<int>::max())) p.steps.push_back(*n);
  }
}

void read_id(const Value& v, const LoadContext& ctx, TalkingPointIds& ids, TalkingPoint& p) {
  auto id = v.non_empty_string(R"(a string like "q4-benchmark")");
  if (!id) return;
  p.id = *id;
  auto [it, inserted] = ids.emplace(*id, PointDefinition{ctx.diag.file(), v.place().line});
  if (inserted) return;
  const PointDefinition& first = it->second;
  std::string where = first.file == ctx.diag.file() ? "line " + std::to_string(first.line)
                                                    : first.file + ":" + std::to_string(first.line);
  v.error("duplicate talking point id '" + *id + "': first used at " + where);
}

void read_text(const Value& v, const LoadContext& ctx, TalkingPoint& p) {
  auto text = v.non_empty_string("a string");
  if (!text) return;
  p.text = *text;
  auto pieces = parse_point_text(*text);
  if (!pieces) {
    const TextError& e = pieces.error();
    return ctx.diag.error(place_of_brace(ctx.source, v.place(), e.brace), v.key(), e.message);
  }
  p.pieces = std::move(pieces).value();
}

bool is_web_link(std::string_view link) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (link.size() > scheme.size() && link.substr(0, scheme.size()) == scheme) return true;
  }
  return false;
}

void read_link(const Value& v, TalkingPoint& p) {
  auto link = v.non_empty_string(R"(a URL like "https://example.com/benchmark")");
  if (!link) return;
  if (!is_web_link(*link)) return v.error("'" + *link + "' is not a web link: expected an https:// or http:// URL");
  p.link = *link;
}

TalkingPoint read_point(const Value& v, LoadContext& ctx, TalkingPointIds& ids) {
  TalkingPoint p;
  p.file = ctx.diag.file();
  p.line = v.place().line;
  p.column = v.place().column;
  TableReader t(v, k_point_keys);
  read_id(t.required("id", R"(a string like "q4-benchmark")"), ctx, ids, p);
  read_text(t.required("text", "a string"), ctx, p);
  read_link(t.get("link"), p);
  if (auto tags = t.get("tags").strings()) p.tags = std::move(*tags);
  if (auto stages = t.get("stages").strings()) p.stages = std::move(*stages);
  read_steps(t.get("steps"), p);
  p.expires = t.get("expires").date();
  Value owner = t.get("owner");
  if (auto name = owner.non_empty_string(R"(an owner's id like "alice")")) {
    p.owner = *name;
    ctx.refer(Reference::Target::owner, owner, *name);
  }
  t.report_unknown_keys();
  return p;
}

}  // namespace

void read_talking_points(const TableReader& root, LoadContext& ctx, TalkingPointIds& ids,
                         std::vector<TalkingPoint>& out) {
  Value v = root.get("talking_points");
  const auto* arr = v.array("an array of tables like [[talking_points]]");
  if (arr == nullptr) return;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    Value e = v.element(*arr, i);
    if (e.table("a table like [[talking_points]]")) out.push_back(read_point(e, ctx, ids));
  }
}

}  // namespace touchbase::config_detail

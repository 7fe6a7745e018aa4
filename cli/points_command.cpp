// touchbase points [--now RFC3339] [--days N] [--json]: how far the talking-point
// library goes. For each segment (one of a contact's tags x its stage), the
// points that suit it against the follow-ups planned in the period (as
// `touchbase plan` simulates them), and which segment runs dry first.
#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/days_option.h"
#include "core/clock.h"
#include "core/json_line.h"
#include "reminders/follow_ups.h"
#include "reminders/point_history.h"

namespace touchbase {
namespace {

inline constexpr int k_default_points_days = 30;

struct PointsArgs {
  std::string now;
  int days = k_default_points_days;
  bool json = false;
};

struct Segment {
  std::string tag;    // empty: untagged contacts
  std::string stage;  // empty: contacts without a stage
  int points = 0;     // library points that suit it and that some contact of it may still be given
  int fresh = 0;      // the fewest of those that any one of its contacts has not been given yet
  int follow_ups = 0;
  int without_point = 0;                // follow-ups that will have no point (nor a next step) to bring
  const FollowUp* first_dry = nullptr;  // the earliest of those
  std::set<std::size_t> contacts;       // indexes into FollowUps::contacts

  std::string label() const { return (tag.empty() ? "untagged" : tag) + " / " + (stage.empty() ? "any stage" : stage); }
};

bool suits_segment(const TalkingPoint& p, const Segment& s) {
  bool tag_ok = p.tags.empty() || std::find(p.tags.begin(), p.tags.end(), s.tag) != p.tags.end();
  bool stage_ok = p.stages.empty() || std::find(p.stages.begin(), p.stages.end(), s.stage) != p.stages.end();
  return tag_ok && stage_ok;
}

// The points that `c` may still be given in segment `s`, not counting steps and placeholders.
std::set<std::string_view> open_points(const CadenceEngine& engine, const Segment& s, const PointContact& c,
                                       Instant now, bool skip_used) {
  const Config& config = engine.config();
  const std::string& owner = config.owner_for(c.contact->owner).id;
  const Date today = owner_today(engine, *c.contact, now);
  const auto& used = c.history.used;
  std::set<std::string_view> out;
  for (const TalkingPoint& p : config.talking_points) {
    if (!suits_segment(p, s) || (!p.owner.empty() && p.owner != owner) || (p.expires && *p.expires < today)) continue;
    if (skip_used && std::find(used.begin(), used.end(), p.id) != used.end()) continue;
    out.insert(p.id);
  }
  return out;
}

void count_points(const CadenceEngine& engine, const FollowUps& f, const PointContacts& histories, Instant now,
                  Segment& s) {
  std::set<std::string_view> any;
  s.fresh = -1;
  for (std::size_t i : s.contacts) {
    const PointContact& c = histories.at(f.contacts[i].id);
    auto all = open_points(engine, s, c, now, false);
    any.insert(all.begin(), all.end());
    const int fresh = static_cast<int>(open_points(engine, s, c, now, true).size());
    s.fresh = s.fresh < 0 ? fresh : std::min(s.fresh, fresh);
  }
  s.points = static_cast<int>(any.size());
  s.fresh = std::max(s.fresh, 0);
}

// The segments with follow-ups in `f`: those that run dry first (soonest first), then the others, by name.
std::vector<Segment> segments_of(const FollowUps& f) {
  std::map<std::pair<std::string, std::string>, Segment> by_key;
  for (const FollowUp& item : f.items) {
    const Contact& c = f.contacts[item.contact];
    std::vector<std::string> tags = c.tags.empty() ? std::vector<std::string>{""} : c.tags;
    for (const std::string& tag : tags) {
      Segment& s = by_key[{tag, c.stage}];
      s.tag = tag;
      s.stage = c.stage;
      s.contacts.insert(item.contact);
      ++s.follow_ups;
      if (item.brings != PointChoice::Kind::none) continue;
      ++s.without_point;
      if (s.first_dry == nullptr || item.remind_at < s.first_dry->remind_at) s.first_dry = &item;
    }
  }
  std::vector<Segment> out;
  for (auto& [key, s] : by_key) out.push_back(std::move(s));
  std::stable_sort(out.begin(), out.end(), [](const Segment& a, const Segment& b) {
    auto key = [](const Segment& s) {
      return std::tuple(s.first_dry == nullptr, s.first_dry ? s.first_dry->remind_at : Instant{});
    };
    return key(a) < key(b);
  });
  return out;
}

// "Tue 01 Dec (jane, touch 3)" in the owner's zone.
std::string runs_dry_text(const Config& config, const FollowUps& f, const FollowUp& item) {
  date::zoned_seconds local(config.owner_for(item.owner).timezone, item.remind_at);
  return date::format("%a %d %b", local) + " (" + f.contacts[item.contact].id + ", touch " + std::to_string(item.step) +
         ")";
}

void print_table(const Config& config, const FollowUps& f, const std::vector<Segment>& segments, int days) {
  if (segments.empty()) {
    std::cout << "no follow-ups in the next " << days << " days\n";
    return;
  }
  std::size_t width = std::string_view("SEGMENT").size();
  for (const Segment& s : segments) width = std::max(width, s.label().size());
  std::cout << fmt::format("{:<{}}  POINTS  FRESH  FOLLOW-UPS  WITHOUT  RUNS DRY\n", "SEGMENT", width);
  for (const Segment& s : segments) {
    std::string dry = s.first_dry ? runs_dry_text(config, f, *s.first_dry) : "-";
    std::cout << fmt::format("{:<{}}  {:>6}  {:>5}  {:>10}  {:>7}  {}\n", s.label(), width, s.points, s.fresh,
                             s.follow_ups, s.without_point, dry);
  }
  const Segment& first = segments.front();
  if (first.first_dry == nullptr) {
    std::cout << "\nno segment runs dry in the next " << days << " days\n";
    return;
  }
  std::cout << "\n"
            << first.label() << " runs dry first: " << runs_dry_text(config, f, *first.first_dry)
            << "; add a point for it to the library\n";
}

void print_json(const FollowUps& f, const std::vector<Segment>& segments) {
  JsonLine j;
  std::string out;
  for (const Segment& s : segments) {
    const FollowUp* dry = s.first_dry;
    j.add_string("segment", s.label());
    j.add_string_or_null("tag", s.tag);
    j.add_string_or_null("stage", s.stage);
    j.add_int("points", s.points);
    j.add_int("fresh", s.fresh);
    j.add_int("follow_ups", s.follow_ups);
    j.add_int("without_point", s.without_point);
    j.add_string_or_null("runs_dry_at", dry ? format_rfc3339(dry->remind_at) : "");
    j.add_string_or_null("runs_dry_contact", dry ? f.contacts[dry->contact].id : "");
    if (dry) {
      j.add_int("runs_dry_step", dry->step);
    } else {
      j.add_null("runs_dry_step");
    }
    j.end(out);
  }
  std::cout << out;
}

Status points(const Cli& cli, const PointsArgs& args) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(Instant now, read_now(cli, args.now));
  TB_TRY(auto store, open_command_store(config));
  CadenceEngine engine(config);
  TB_TRY(FollowUps f, follow_ups_between(config, *store, engine, now, now, now + date::days(args.days)));
  warn_skipped(f.skipped);
  TB_TRY(PointContacts histories, read_point_contacts(*store, f.contacts));
  std::vector<Segment> segments = segments_of(f);
  for (Segment& s : segments) count_points(engine, f, histories, now, s);
  if (args.json) {
    print_json(f, segments);
  } else {
    print_table(config, f, segments, args.days);
  }
  return {};
}

}  // namespace

void add_points_command(CLI::App& app, Cli& cli) {
  auto args = std::make_shared<PointsArgs>();
  auto* cmd = app.add_subcommand("points", "Show how far the talking points go: each segment against its follow-ups");
  cmd->add_option("--now", args->now, "Count from this instant (RFC 3339; default: now)");
  add_days_option(*cmd, args->days, k_default_points_days);
  cmd->add_flag("--json", args->json, "One JSON object per segment and line, the first to run dry first");
  cmd->callback([&cli, args] { cli.action = [&cli, args] { return points(cli, *args); }; });
}

}  // namespace touchbase

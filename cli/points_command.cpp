// touchbase points [--now RFC3339] [--days N] [--json]: how far the talking-point
// library goes. For each segment (one of a contact's tags x its stage), the
// points that suit it against the follow-ups planned in the period (as
// `touchbase plan` simulates them), and which segment runs dry first.
#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/days_option.h"
#include "core/clock.h"
#include "core/json_line.h"
#include "reminders/contact_histories.h"
#include "reminders/follow_up_stream.h"

namespace touchbase {
namespace {

inline constexpr int k_default_points_days = 30;

struct PointsArgs {
  std::string now;
  int days = k_default_points_days;
  bool json = false;
};

// The first follow-up of a segment that will have no point to bring.
struct DryFollowUp {
  Instant remind_at;
  Instant due_at;
  std::string contact;  // id
  std::string owner;
  int step = 0;

  bool before(const DryFollowUp& o) const {
    return std::tie(remind_at, due_at, contact) < std::tie(o.remind_at, o.due_at, o.contact);
  }
};

struct Segment {
  std::string tag;    // empty: untagged contacts
  std::string stage;  // empty: contacts without a stage
  int points = 0;     // library points that suit it and that some contact of it may still be given
  int fresh = -1;     // the fewest of those that any one of its contacts has not been given yet; -1 before any
  int follow_ups = 0;
  int without_point = 0;                 // follow-ups that will have no point (nor a next step) to bring
  std::optional<DryFollowUp> first_dry;  // the earliest of those
  std::set<std::string_view> open;       // the points some contact of it may still be given

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

// Counts the points of `s` open to `c`, a contact of it.
void count_points(const CadenceEngine& engine, const PointContact& c, Instant now, Segment& s) {
  auto all = open_points(engine, s, c, now, false);
  s.open.insert(all.begin(), all.end());
  s.points = static_cast<int>(s.open.size());
  const int fresh = static_cast<int>(open_points(engine, s, c, now, true).size());
  s.fresh = s.fresh < 0 ? fresh : std::min(s.fresh, fresh);
}

using Segments = std::map<std::pair<std::string, std::string>, Segment>;

// Counts one contact's follow-ups, and its points once in each of its segments.
void add_contact(const CadenceEngine& engine, const PointContact& c, std::span<const FollowUp> items, Instant now,
                 Segments& by_key) {
  const Contact& contact = *c.contact;
  std::set<Segment*> of_contact;
  for (const FollowUp& item : items) {
    std::vector<std::string> tags = contact.tags.empty() ? std::vector<std::string>{""} : contact.tags;
    for (const std::string& tag : tags) {
      Segment& s = by_key[{tag, contact.stage}];
      s.tag = tag;
      s.stage = contact.stage;
      of_contact.insert(&s);
      ++s.follow_ups;
      if (item.brings != PointChoice::Kind::none) continue;
      ++s.without_point;
      DryFollowUp dry{item.remind_at, item.due_at, contact.id, item.owner, item.step};
      if (!s.first_dry || dry.before(*s.first_dry)) s.first_dry = std::move(dry);
    }
  }
  for (Segment* s : of_contact) count_points(engine, c, now, *s);
}

// The segments: those that run dry first (soonest first), then the others, by name.
std::vector<Segment> ordered(Segments& by_key) {
  std::vector<Segment> out;
  for (auto& [key, s] : by_key) {
    s.fresh = std::max(s.fresh, 0);
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const Segment& a, const Segment& b) {
    auto key = [](const Segment& s) {
      return std::tuple(!s.first_dry, s.first_dry ? s.first_dry->remind_at : Instant{});
    };
    return key(a) < key(b);
  });
  return out;
}

// "Tue 01 Dec (jane, touch 3)" in the owner's zone.
std::string runs_dry_text(const Config& config, const DryFollowUp& item) {
  date::zoned_seconds local(config.owner_for(item.owner).timezone, item.remind_at);
  return date::format("%a %d %b", local) + " (" + item.contact + ", touch " + std::to_string(item.step) + ")";
}

void print_table(const Config& config, const std::vector<Segment>& segments, int days) {
  if (segments.empty()) {
    std::cout << "no follow-ups in the next " << days << " days\n";
    return;
  }
  std::size_t width = std::string_view("SEGMENT").size();
  for (const Segment& s : segments) width = std::max(width, s.label().size());
  std::cout << fmt::format("{:<{}}  POINTS  FRESH  FOLLOW-UPS  WITHOUT  RUNS DRY\n", "SEGMENT", width);
  for (const Segment& s : segments) {
    std::string dry = s.first_dry ? runs_dry_text(config, *s.first_dry) : "-";
    std::cout << fmt::format("{:<{}}  {:>6}  {:>5}  {:>10}  {:>7}  {}\n", s.label(), width, s.points, s.fresh,
                             s.follow_ups, s.without_point, dry);
  }
  const Segment& first = segments.front();
  if (!first.first_dry) {
    std::cout << "\nno segment runs dry in the next " << days << " days\n";
    return;
  }
  std::cout << "\n"
            << first.label() << " runs dry first: " << runs_dry_text(config, *first.first_dry)
            << "; add a point for it to the library\n";
}

void print_json(const std::vector<Segment>& segments) {
  JsonLine j;
  std::string out;
  for (const Segment& s : segments) {
    const auto& dry = s.first_dry;
    j.add_string("segment", s.label());
    j.add_string_or_null("tag", s.tag);
    j.add_string_or_null("stage", s.stage);
    j.add_int("points", s.points);
    j.add_int("fresh", s.fresh);
    j.add_int("follow_ups", s.follow_ups);
    j.add_int("without_point", s.without_point);
    j.add_string_or_null("runs_dry_at", dry ? format_rfc3339(dry->remind_at) : "");
    j.add_string_or_null("runs_dry_contact", dry ? dry->contact : "");
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
  Segments by_key;
  auto count = [&](const Contact& c, std::span<const FollowUp> items, const ContactHistories& histories) -> Status {
    add_contact(engine, PointContact{&c, point_history(histories, c.id)}, items, now, by_key);
    return {};
  };
  const FollowUpQuery query{now, now + date::days(args.days), now, "", k_contacts_per_page};
  TB_TRY(auto skipped, stream_follow_ups(config, *store, engine, query, count));
  warn_skipped(skipped);
  const std::vector<Segment> segments = ordered(by_key);
  if (args.json) {
    print_json(segments);
  } else {
    print_table(config, segments, args.days);
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

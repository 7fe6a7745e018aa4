// touchbase plan [--now RFC3339] [--days N] [--contact ID] [--json]
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/days_option.h"
#include "core/clock.h"
#include "core/json_line.h"
#include "reminders/contact_histories.h"
#include "reminders/reminder_message.h"
#include "scheduler/plan.h"
#include "scheduler/plan_points.h"

namespace touchbase {
namespace {

inline constexpr int k_default_plan_days = 14;

struct PlanArgs {
  std::string now;
  int days = k_default_plan_days;
  std::string contact;
  bool json = false;
};

// What the plan shows for one follow-up, beyond the engine's decision.
struct PlanRow {
  const PlannedFollowUp* follow_up = nullptr;
  const Contact* contact = nullptr;
  PointChoice choice;
  std::string bring;   // what to bring up, as the reminder will say it
  bool waits = false;  // no point fits and the cadence requires one: the daemon holds the reminder back
};

Result<std::vector<PlanContact>> load_plan_contacts(Store& store, const ContactHistories& histories,
                                                    const std::string& only) {
  TB_TRY(auto contacts, store.list_contacts());
  std::vector<PlanContact> out;
  out.reserve(only.empty() ? contacts.size() : 1);
  for (Contact& c : contacts) {
    if (!only.empty() && c.id != only) continue;
    auto history = engine_history(histories, c.id);
    out.push_back({std::move(c), std::move(history)});
  }
  if (!only.empty() && out.empty()) return Error::no_input("no contact '" + only + "'");
  return out;
}

// The talking point of each follow-up, in order, as the daemon would choose them.
std::vector<PlanRow> choose_points(const CadenceEngine& engine, const ContactHistories& histories, const Plan& plan,
                                   const std::vector<PlanContact>& contacts, Instant now) {
  PointContacts points;
  for (const PlanContact& pc : contacts) {
    points.emplace(pc.contact.id, PointContact{&pc.contact, point_history(histories, pc.contact.id)});
  }
  std::vector<PointChoice> choices = choose_planned_points(engine, plan.follow_ups, points, now);
  std::vector<PlanRow> rows;
  for (std::size_t i = 0; i < plan.follow_ups.size(); ++i) {
    const PlannedFollowUp& f = plan.follow_ups[i];
    const PointContact& pc = points.at(f.contact);
    const PointChoice& choice = choices[i];
    bool waits = choice.kind == PointChoice::Kind::none && engine.config().cadence_for(f.cadence).require_talking_point;
    rows.push_back({&f, pc.contact, choice, bring_text(choice, *pc.contact, pc.history.touches, f.due_at), waits});
  }
  return rows;
}

// The zone the follow-up's window was read in: one the engine found.
const date::time_zone& planned_zone(const PlannedFollowUp& f) {
  return *find_zone(f.timezone).value();
}

// Written in chunks of about this size.
constexpr std::size_t k_json_chunk = 1 << 16;

void print_json(const std::vector<PlanRow>& rows) {
  JsonLine j;
  std::string text;
  for (const PlanRow& r : rows) {
    const PlannedFollowUp& f = *r.follow_up;
    const TalkingPoint* point = r.choice.point;
    j.add_string("contact", f.contact);
    j.add_string("owner", f.owner);
    j.add_string("cadence", f.cadence);
    j.add_int("step", f.step);
    j.add_string("due_at", format_rfc3339(f.due_at));
    j.add_string("remind_at", format_rfc3339(f.remind_at));
    j.add_string("due_local", format_rfc3339_local(f.due_at, planned_zone(f)));
    if (point != nullptr) {
      j.add_string("talking_point", point->id);
    } else {
      j.add_null("talking_point");
    }
    j.add_string("talking_point_text", r.bring);
    j.add_string_or_null("talking_point_link", point ? point->link : "");
    j.add_bool("brings_next_step", r.choice.kind == PointChoice::Kind::next_step);
    j.add_bool("waits_for_talking_point", r.waits);
    j.add_string("why", f.why);
    j.end(text);
    if (text.size() >= k_json_chunk) {
      std::cout << text;
      text.clear();
    }
  }
  std::cout << text;
}

// An agenda grouped by the day of the reminder in the owner's zone.
void print_agenda(const Config& config, const std::vector<PlanRow>& rows) {
  std::string day;
  for (const PlanRow& r : rows) {
    const PlannedFollowUp& f = *r.follow_up;
    date::zoned_seconds remind(&owner_zone(config, config.owner_for(f.owner)), f.remind_at);
    std::string this_day = date::format("%A %d %B %Y", remind);
    if (this_day != day) {
      std::cout << (day.empty() ? "" : "\n") << this_day << "\n";
      day = this_day;
    }
    std::cout << fmt::format("  {}  {} ({}) — touch {} of {}, call at {}\n", date::format("%H:%M", remind),
                             r.contact->name, f.owner, f.step, f.cadence, format_local_time(f.due_at, planned_zone(f)));
    std::cout << "         why: " << f.why << "\n";
    std::cout << "         bring: " << r.bring << "\n";
    if (r.choice.point && !r.choice.point->link.empty()) std::cout << "         link: " << r.choice.point->link << "\n";
    if (r.waits) {
      std::cout << "         waits: " << f.cadence << " requires a talking point; it is not reminded until one fits\n";
    }
  }
  if (rows.empty()) std::cout << "nothing is due in this period\n";
}

Status plan(const Cli& cli, const PlanArgs& args) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(Instant now, read_now(cli, args.now));
  TB_TRY(auto store, open_command_store(config));
  CadenceEngine engine(config);
  TB_TRY(auto histories, store->histories_of_all_contacts());
  TB_TRY(auto contacts, load_plan_contacts(*store, histories, args.contact));
  TB_TRY(Plan p, plan_follow_ups(engine, contacts, now, now + date::days(args.days)));
  warn_skipped(p.skipped);
  auto rows = choose_points(engine, histories, p, contacts, now);
  if (args.json) {
    print_json(rows);
  } else {
    print_agenda(config, rows);
  }
  return {};
}

}  // namespace

void add_plan_command(CLI::App& app, Cli& cli) {
  auto args = std::make_shared<PlanArgs>();
  auto* cmd = app.add_subcommand("plan", "Show what would be reminded, when and why; sends and writes nothing");
  cmd->add_option("--now", args->now, "Plan from this instant (RFC 3339; default: now)");
  add_days_option(*cmd, args->days, k_default_plan_days);
  cmd->add_option("--contact", args->contact, "Only this contact");
  cmd->add_flag("--json", args->json, "One JSON object per line, ordered by remind_at");
  cmd->callback([&cli, args] { cli.action = [&cli, args] { return plan(cli, *args); }; });
}

}  // namespace touchbase

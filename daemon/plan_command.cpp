// touchbase plan [--now RFC3339] [--days N] [--contact ID] [--json]
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "daemon/commands.h"
#include "daemon/reminder_message.h"
#include "daemon/reminder_service.h"
#include "scheduler/plan.h"
#include "scheduler/talking_points.h"

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
  const TalkingPoint* point = nullptr;
};

Result<std::vector<PlanContact>> load_plan_contacts(const Config& config, Store& store, const CadenceEngine& engine,
                                                    const std::string& only) {
  ReminderService reminders(config, engine, store);
  TB_TRY(auto contacts, store.list_contacts());
  std::vector<PlanContact> out;
  for (Contact& c : contacts) {
    if (!only.empty() && c.id != only) continue;
    TB_TRY(auto history, reminders.history_of(c));
    out.push_back({std::move(c), std::move(history)});
  }
  if (!only.empty() && out.empty()) return Error::no_input("no contact '" + only + "'");
  return out;
}

// The talking point of each follow-up, in order, never repeating one to the
// same contact, as the daemon would choose them.
Result<std::vector<PlanRow>> choose_points(const Config& config, Store& store, const Plan& plan,
                                           const std::vector<PlanContact>& contacts) {
  std::map<std::string, const Contact*> by_id;
  for (const auto& pc : contacts) by_id[pc.contact.id] = &pc.contact;
  std::map<std::string, std::vector<std::string>> used;
  std::vector<PlanRow> rows;
  for (const PlannedFollowUp& f : plan.follow_ups) {
    const Contact* c = by_id.at(f.contact);
    if (!used.contains(f.contact)) {
      TB_TRY(auto already, store.used_talking_points(f.contact));
      used[f.contact] = std::move(already);
    }
    date::zoned_seconds local(config.owner_for(f.owner).timezone, f.remind_at);
    Date today{date::floor<date::days>(local.get_local_time())};
    const TalkingPoint* point = choose_talking_point(config.talking_points, *c, f.step, used[f.contact], today);
    if (point != nullptr) used[f.contact].push_back(point->id);
    rows.push_back({&f, c, point});
  }
  return rows;
}

void print_json(const std::vector<PlanRow>& rows) {
  for (const PlanRow& r : rows) {
    const PlannedFollowUp& f = *r.follow_up;
    nlohmann::json j = {
        {"contact", f.contact},
        {"owner", f.owner},
        {"cadence", f.cadence},
        {"step", f.step},
        {"due_at", format_rfc3339(f.due_at)},
        {"remind_at", format_rfc3339(f.remind_at)},
        {"due_local", format_rfc3339_local(f.due_at, *date::locate_zone(f.timezone))},
        {"talking_point", r.point ? nlohmann::json(r.point->id) : nlohmann::json(nullptr)},
        {"why", f.why},
    };
    std::cout << j.dump() << "\n";
  }
}

// An agenda grouped by the day of the reminder in the owner's zone.
void print_agenda(const Config& config, const std::vector<PlanRow>& rows) {
  std::string day;
  for (const PlanRow& r : rows) {
    const PlannedFollowUp& f = *r.follow_up;
    const auto* owner_zone = date::locate_zone(config.owner_for(f.owner).timezone);
    date::zoned_seconds remind(owner_zone, f.remind_at);
    std::string this_day = date::format("%A %d %B %Y", remind);
    if (this_day != day) {
      std::cout << (day.empty() ? "" : "\n") << this_day << "\n";
      day = this_day;
    }
    std::cout << fmt::format("  {}  {} ({}) — touch {} of {}, call at {}\n", date::format("%H:%M", remind),
                             r.contact->name, f.owner, f.step, f.cadence,
                             format_local_time(f.due_at, *date::locate_zone(f.timezone)));
    std::cout << "         why: " << f.why << "\n";
    std::cout << "         bring: " << (r.point ? r.point->text : "no talking point fits: add one") << "\n";
  }
  if (rows.empty()) std::cout << "nothing is due in this period\n";
}

Status plan(const Cli& cli, const PlanArgs& args) {
  TB_TRY(Config config, load_validated_config(cli));
  Instant now = SystemClock().now();
  if (!args.now.empty()) {
    auto parsed = parse_rfc3339(args.now);
    if (!parsed) return Error::usage("--now: " + parsed.error().message);
    now = *parsed;
  }
  if (args.days < 1) return Error::usage("--days: expected a whole number of days, at least 1");
  TB_TRY(auto store, open_store(config));
  CadenceEngine engine(config);
  TB_TRY(auto contacts, load_plan_contacts(config, *store, engine, args.contact));
  Plan p = plan_follow_ups(engine, contacts, now, now + date::days(args.days));
  TB_TRY(auto rows, choose_points(config, *store, p, contacts));
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
  cmd->add_option("--days", args->days, "How many days ahead")->default_val(k_default_plan_days);
  cmd->add_option("--contact", args->contact, "Only this contact");
  cmd->add_flag("--json", args->json, "One JSON object per line, ordered by remind_at");
  cmd->callback([&cli, args] { cli.action = [&cli, args] { return plan(cli, *args); }; });
}

}  // namespace touchbase

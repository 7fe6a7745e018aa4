#include "tests/service/soak_world.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "config/load_config.h"
#include "reminders/contact_histories.h"
#include "scheduler/cadence_engine.h"
#include "tests/testing/cli_in_process.h"

namespace touchbase::testing {

using namespace std::chrono_literals;

namespace {

constexpr const char* k_zones[] = {"Europe/Berlin", "America/New_York", "Asia/Tokyo", "America/Los_Angeles",
                                   "Australia/Sydney"};
constexpr OutboxState k_every_state[] = {OutboxState::pending, OutboxState::failed, OutboxState::delivered,
                                         OutboxState::dead};
constexpr OutboxState k_waiting[] = {OutboxState::pending, OutboxState::failed};

// The store calls a random fault hits, among them recording a success: its
// row waits in memory and is never sent again.
constexpr StoreCall k_fault_calls[] = {
    StoreCall::contact_changes,      StoreCall::contacts_to_revisit, StoreCall::store_decisions,
    StoreCall::decisions_ahead,      StoreCall::histories_of,        StoreCall::create_reminder,
    StoreCall::in_one_transaction,   StoreCall::outbox_ready,        StoreCall::next_outbox_attempt,
    StoreCall::mark_batch_delivered, StoreCall::mark_attempt_failed, StoreCall::fall_back};

std::string owner_id(int i) {
  char id[8];
  std::snprintf(id, sizeof id, "o%02d", i);
  return id;
}

std::string contact_id(int i) {
  char id[16];
  std::snprintf(id, sizeof id, "c%05d", i);
  return id;
}

}  // namespace

// Answers with outcomes drawn at the current failure rates, and records each.
class SoakNotifier final : public Notifier {
 public:
  SoakNotifier(std::string name, const Clock& clock, std::mt19937_64& random, SoakLog& log)
      : name_(std::move(name)), clock_(clock), random_(random), log_(log) {}

  void deliver(const ReminderMessage& message, Done done) override {
    const double draw = std::uniform_real_distribution<double>(0, 1)(random_);
    DeliveryResult result;
    if (draw < permanent) {
      result = DeliveryFailure::permanent("550 mailbox unavailable");
    } else if (draw < permanent + transient) {
      result =
          DeliveryFailure::transient("503 try again later", draw < transient / 4 ? std::optional(90s) : std::nullopt);
    }
    log_.deliveries.push_back(Delivery{std::pmr::string(name_, &log_.arena),
                                       std::pmr::string(message.idempotency_key, &log_.arena), clock_.now(),
                                       result.ok()});
    done(result);
  }

  double transient = 0;
  double permanent = 0;

 private:
  std::string name_;
  const Clock& clock_;
  std::mt19937_64& random_;
  SoakLog& log_;
};

SoakLog::SoakLog(std::size_t arena_bytes)
    : buffer(arena_bytes), arena(buffer.data(), buffer.size(), std::pmr::new_delete_resource()) {}

SoakWorld::SoakWorld(const SoakSize& size)
    : size_(size),
      random_(size.seed),
      log_(static_cast<std::size_t>(size.contacts) * static_cast<std::size_t>(size.days + 2) * 1024 + (1u << 20)),
      clock_(parse_rfc3339("2026-11-23T06:00:00Z").value()) {  // a Monday
  log_.deliveries.reserve(static_cast<std::size_t>(size.contacts) * static_cast<std::size_t>(size.days + 2) * 4);
  log_.quiet.reserve(static_cast<std::size_t>(size.contacts) * static_cast<std::size_t>(size.days + 2));
  config_path_ = dir_ / "touchbase.toml";
  write_config(0, 1);
  store_ = open_sqlite_store(dir_ / "touchbase.db").value();
  faulty_ = std::make_unique<FaultyStore>(*store_);
  auto primary = std::make_unique<SoakNotifier>("primary", clock_, random_, log_);
  primary_ = primary.get();
  notifiers_.add("primary", std::move(primary));
  auto backup = std::make_unique<SoakNotifier>("backup", clock_, random_, log_);
  backup_ = backup.get();
  notifiers_.add("backup", std::move(backup));
  add_contacts();
  start_daemon();
  next_event_ = next_event_at();
}

SoakWorld::~SoakWorld() {
  stop_daemon();
}

void SoakWorld::write_config(int variant, int limit_scale) {
  const int per_owner = std::max(1, size_.contacts / size_.owners);
  const int limit = std::max(3, per_owner * (variant == 0 ? 8 : 11) / 10) * limit_scale;
  std::string text =
      "[daemon]\ndatabase = \"touchbase.db\"\nlog_level = \"error\"\ncatch_up_max_age = \"6h\"\n\n"
      "[defaults]\ntimezone = \"Europe/Berlin\"\ncontact_window = { days = \"mon-sun\", hours = \"08:00-20:00\" }\n"
      "lead_time = \"15m\"\ncadence = \"prospect\"\n\n"
      "[notifiers.primary]\nkind = \"console\"\n\n[notifiers.backup]\nkind = \"console\"\n\n"
      "[cadences.prospect]\nrepeat = true\nmin_gap = \"20h\"\nsteps = [\"" +
      std::string(variant == 0 ? "1d" : "30h") +
      "\"]\n\n"
      "[cadences.partner]\nrepeat = true\nmin_gap = \"20h\"\nsteps = [\"2d\", \"1d\"]\n\n";
  LimitsFrom limits{log_.limits.empty() ? Instant::min() : clock_.now(), {}};
  for (int i = 0; i < size_.owners; ++i) {
    const std::string id = owner_id(i);
    text += "[owners." + id + "]\ntimezone = \"" + k_zones[i % 5] +
            "\"\nworking_hours = " + (i % 2 == 0 ? "\"mon-fri 08:00-18:00\"" : "\"mon-sun 07:00-21:00\"") +
            "\nnotify = [\"primary\", \"backup\"]\ndaily_limit = " + std::to_string(limit) + "\n\n";
    limits.limits[id] = limit;
  }
  std::ofstream(config_path_) << text;
  log_.limits.push_back(std::move(limits));
  auto loaded = load_config(config_path_, clock_.now());
  if (!loaded) throw std::runtime_error(loaded.error().front().to_string());
  daemon_.reset();
  config_ = std::move(loaded).value();
}

void SoakWorld::start_daemon() {
  daemon_ = std::make_unique<Daemon>(io_, config_, *faulty_, clock_, notifiers_);
}

void SoakWorld::stop_daemon() {
  daemon_.reset();
  io_.poll();
  io_.restart();
  allow_repeats_of_unrecorded();
}

// A delivery whose success the store did not take before the daemon stopped (a
// crash, or a stop while writes were refused) is sent again, with its key, by the next start.
void SoakWorld::allow_repeats_of_unrecorded() {
  std::set<std::string> waiting;
  const auto rows = store_->outbox_in(k_waiting).value();
  for (const OutboxRow& row : rows) waiting.insert(row.idempotency_key);
  for (std::size_t i = deliveries_seen_; i < log_.deliveries.size(); ++i) {
    const Delivery& d = log_.deliveries[i];
    if (d.succeeded && waiting.contains(std::string(d.key))) {
      ++log_.allowed_repeats[repeat_key(d.notifier, d.key, &log_.arena)];
    }
  }
  deliveries_seen_ = log_.deliveries.size();
}

void SoakWorld::add_contacts() {
  std::vector<Contact> contacts;
  std::uniform_int_distribution<int> hours_ago(0, 40);
  for (int i = 0; i < size_.contacts; ++i) {
    Contact c;
    c.id = contact_id(i);
    c.name = "Contact " + std::to_string(i);
    c.email = c.id + "@example.com";
    c.owner = owner_id(i % size_.owners);
    c.timezone = k_zones[(i / size_.owners) % 5];
    c.cadence = i % 4 == 0 ? "partner" : "prospect";
    c.value = static_cast<double>(random_() % 10000);
    if (i % 10 != 0) c.last_touch = clock_.now() - std::chrono::hours(hours_ago(random_));
    contacts.push_back(std::move(c));
  }
  ASSERT_TRUE(store_->upsert_contacts(contacts).ok());
}

Instant SoakWorld::pass() {
  auto wake = daemon_->pass();
  io_.poll();
  io_.restart();
  return wake ? *wake : clock_.now() + k_retry_after_error;
}

Instant SoakWorld::next_event_at() {
  const double per_day = std::max(50.0, size_.contacts / 5.0);
  const double after = std::exponential_distribution<double>(per_day / 86400.0)(random_);
  return clock_.now() + Seconds(static_cast<Seconds::rep>(after) + 1);
}

void SoakWorld::run_day() {
  const Instant end = clock_.now() + 24h;
  Instant wake = clock_.now();
  while (clock_.now() < end) {
    clock_.set(std::max(std::min({wake, next_event_, end}), clock_.now() + 1s));
    while (next_event_ <= clock_.now()) {
      random_event();
      next_event_ = next_event_at();
    }
    wake = pass();
  }
}

void SoakWorld::random_event() {
  const int draw = static_cast<int>(random_() % 100);
  if (draw < 35) return log_touch(some_contact());
  if (draw < 55) return quiet_command(some_contact());
  if (draw < 65) return resume(some_contact());
  if (draw < 68) return import_edits();
  if (draw < 71) return reload();
  if (draw < 80) return weather();
  if (draw < 89) return store_fault();
  if (draw < 95) return restart();
  crash();
}

std::string SoakWorld::some_contact() {
  return contact_id(static_cast<int>(random_() % static_cast<std::uint64_t>(size_.contacts)));
}

bool SoakWorld::command(std::vector<std::string> args) {
  const std::string name = args.front();
  args.insert(args.begin(), {"--config", config_path_.string()});
  const CommandResult r = run_touchbase_in_process(args, clock_);
  ++counts_[name + (r.exit_code == 0 ? "" : " refused")];
  // 65: a state the command refuses (snoozing a closed contact); anything else is a defect.
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 65) << ::testing::PrintToString(args) << ": " << r.err;
  return r.exit_code == 0;
}

void SoakWorld::log_touch(const std::string& id) {
  static constexpr const char* k_outcomes[] = {"touched", "touched", "no-answer", "no-answer", "replied", "meeting"};
  const std::string outcome = k_outcomes[random_() % 6];
  if (!command({"log", id, "--outcome", outcome})) return;
  // The cadences' on_reply is "pause": no follow-up until resume.
  if (outcome == "replied" || outcome == "meeting") quiet_from_now(id, Instant::max());
}

void SoakWorld::quiet_command(const std::string& id) {
  const Seconds length = std::chrono::hours(6 + static_cast<int>(random_() % 60));
  const std::string until = std::to_string(length.count()) + "s";
  switch (random_() % 4) {
    case 0:
      if (command({"snooze", id, until})) quiet_from_now(id, clock_.now() + length);
      return;
    case 1:
      if (command({"pause", id, until})) quiet_from_now(id, clock_.now() + length);
      return;
    case 2:
      if (command({"pause", id})) quiet_from_now(id, Instant::max());
      return;
    default:
      if (command({"close", id, "--reason", "lost"})) quiet_from_now(id, Instant::max());
  }
}

void SoakWorld::quiet_from_now(const std::string& id, Instant until) {
  // A pause, snooze or close replaces the one before: a snooze after an undated pause ends it at its date.
  for (QuietSpan& q : log_.quiet) {
    if (q.contact_id == id && q.until > clock_.now()) q.until = clock_.now();
  }
  log_.quiet.push_back({id, clock_.now(), until, false});
}

void SoakWorld::resume(const std::string& id) {
  if (!command({"resume", id})) return;
  for (QuietSpan& q : log_.quiet) {
    if (q.contact_id == id && q.until > clock_.now()) {
      q.until = clock_.now();
      q.ended_by_resume = true;
    }
  }
}

void SoakWorld::import_edits() {
  std::string csv = "id,value,stage\n";
  const int rows = std::max(1, size_.contacts / 50);
  std::set<std::string> ids;
  for (int i = 0; i < rows; ++i) ids.insert(some_contact());
  for (const std::string& id : ids) {
    csv += id + "," + std::to_string(random_() % 10000) + "," + (random_() % 2 ? "qualified" : "proposal") + "\n";
  }
  std::ofstream(dir_ / "edits.csv") << csv;
  EXPECT_TRUE(command({"import", (dir_ / "edits.csv").string()}));
}

void SoakWorld::reload() {
  ++counts_["reload"];
  stop_daemon();
  variant_ ^= 1;
  write_config(variant_, 1);
  start_daemon();
}

void SoakWorld::restart() {
  ++counts_["restart"];
  stop_daemon();
  faulty_.reset();
  store_.reset();
  // Sometimes down for a while: late reminders, and past catch_up_max_age a notice.
  if (random_() % 3 == 0) clock_.advance(std::chrono::minutes(10 + static_cast<int>(random_() % 480)));
  store_ = open_sqlite_store(dir_ / "touchbase.db").value();
  faulty_ = std::make_unique<FaultyStore>(*store_);
  start_daemon();
}

void SoakWorld::crash() {
  ++counts_["crash"];
  // The process dies after deliveries succeeded and before their success is written.
  faulty_->fail(StoreCall::mark_batch_delivered, Error::io("the process died"));
  pass();
  restart();
}

void SoakWorld::store_fault() {
  ++counts_["store fault"];
  const StoreCall call = k_fault_calls[random_() % std::size(k_fault_calls)];
  const Error error = random_() % 2 ? Error::unavailable("database is locked") : Error::io("disk I/O error");
  faulty_->fail(call, error, 1 + static_cast<int>(random_() % 3));
}

void SoakWorld::weather() {
  ++counts_["weather"];
  static constexpr std::pair<double, double> k_primary[] = {{0, 0}, {0.02, 0.005}, {0.3, 0.05}, {1, 0}};
  static constexpr std::pair<double, double> k_backup[] = {{0.01, 0.002}, {0, 0.5}};
  std::tie(primary_->transient, primary_->permanent) = k_primary[random_() % 4];
  std::tie(backup_->transient, backup_->permanent) = k_backup[random_() % 2];
}

std::vector<FollowUpKey> SoakWorld::due_follow_ups() {
  const CadenceEngine engine(config_);
  const Instant now = clock_.now();
  const auto contacts = store_->list_contacts().value();
  const auto histories = store_->histories_of_all_contacts().value();
  std::vector<FollowUpKey> due;
  for (const Contact& c : contacts) {
    const Decision d = engine.next(c, engine_history(histories, c.id), now);
    if (d.kind == Decision::Kind::follow_up && d.remind_at <= now) due.push_back({c.id, d.due_at});
  }
  return due;
}

void SoakWorld::drain() {
  faulty_->heal();
  primary_->transient = primary_->permanent = 0;
  backup_->transient = backup_->permanent = 0;
  stop_daemon();
  write_config(variant_, 100);
  start_daemon();
  const Instant settle = clock_.now() + 2h;
  const Instant at_most = clock_.now() + 26h;
  Instant wake = clock_.now();
  while (clock_.now() < at_most && (clock_.now() < settle || !store_->outbox_in(k_waiting).value().empty())) {
    clock_.set(std::max(wake, clock_.now() + 1s));
    wake = pass();
  }
}

SoakState SoakWorld::read_state() {
  SoakState state;
  const auto histories = store_->histories_of_all_contacts().value();
  std::map<std::int64_t, std::vector<OutboxRow>> rows_of;
  auto rows = store_->outbox_in(k_every_state).value();
  for (OutboxRow& row : rows) {
    if (row.notice_id != 0) {
      state.notice_rows.push_back(std::move(row));
    } else {
      rows_of[row.reminder_id].push_back(std::move(row));
    }
  }
  for (const auto& [contact, reminders] : histories.reminders) {
    for (const Reminder& r : reminders) state.reminders.push_back({r, std::move(rows_of[r.id])});
  }
  for (const auto& [contact, touches] : histories.touches) {
    for (const Touch& t : touches) state.touches[contact].push_back(t.at);
  }
  const auto contacts = store_->list_contacts().value();
  for (const Contact& c : contacts) {
    if (c.last_touch) state.touches[c.id].push_back(*c.last_touch);
  }
  return state;
}

std::string SoakWorld::counts() const {
  std::string text;
  for (const auto& [name, n] : counts_) text += (text.empty() ? "" : ", ") + name + " " + std::to_string(n);
  return text;
}

}  // namespace touchbase::testing

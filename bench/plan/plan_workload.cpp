#include "bench/plan/plan_workload.h"

#include <array>
#include <fstream>
#include <random>

#include "store/store.h"

namespace touchbase::bench {
namespace {

using namespace std::chrono_literals;

constexpr std::array<const char*, 30> k_zones = {
    "America/New_York", "America/Chicago",     "America/Denver",    "America/Los_Angeles", "America/Sao_Paulo",
    "America/St_Johns", "America/Mexico_City", "Europe/London",     "Europe/Berlin",       "Europe/Paris",
    "Europe/Madrid",    "Europe/Istanbul",     "Europe/Moscow",     "Africa/Lagos",        "Africa/Johannesburg",
    "Asia/Dubai",       "Asia/Kolkata",        "Asia/Kathmandu",    "Asia/Singapore",      "Asia/Shanghai",
    "Asia/Tokyo",       "Australia/Adelaide",  "Australia/Sydney",  "Australia/Lord_Howe", "Pacific/Auckland",
    "Pacific/Chatham",  "Pacific/Kiritimati",  "Pacific/Pago_Pago", "Pacific/Honolulu",    "UTC"};
// 500 contacts per owner at 100,000 contacts, each owner reminded of at most
// 60 a day (more are moved to the next days, as the daemon does).
constexpr int k_owners = 200;
constexpr int k_daily_limit = 60;
constexpr std::array<const char*, 4> k_cadences = {"prospect", "nurture", "customer", "event"};
// A window and the time of day `remind` gives its follow-ups: the window's start.
struct WindowText {
  const char* window;
  const char* start;
};
constexpr std::array<WindowText, 4> k_windows = {{{"tue-thu 16:00-17:30", "16:00"},
                                                  {"mon-fri 09:00-12:00,14:00-17:00", "9:00"},
                                                  {"mon,wed,fri 08:00-09:30", "8:00"},
                                                  {"mon-sat 10:00-19:00", "10:00"}}};
constexpr WindowText k_default_window = {"tue-thu 16:00-17:30", "16:00"};
constexpr std::array<const char*, 4> k_stages = {"discovery", "demo", "proposal", "negotiation"};
constexpr std::array<const char*, 5> k_tags = {"saas", "fintech", "logistics", "energy", "retail"};
constexpr std::array<const char*, 3> k_holidays = {"2026-11-26", "2026-12-24", "2026-12-25"};
constexpr const char* k_now = "2026-11-01T00:00:00Z";

std::string config_text(const std::filesystem::path& database) {
  std::string text = "[daemon]\ndatabase = \"" + database.string() + "\"\nlog_level = \"warn\"\n\n";
  text += R"([defaults]
timezone = "America/New_York"
contact_window = { days = "tue-thu", hours = "16:00-17:30" }
lead_time = "15m"
cadence = "prospect"
owner = "o0"

[holidays]
dates = [)";
  for (std::size_t i = 0; i < k_holidays.size(); ++i) text += std::string(i ? ", " : "") + k_holidays[i];
  text += "]\n\n[notifiers.console]\nkind = \"console\"\n\n";
  for (int i = 0; i < k_owners; ++i) {
    const auto id = "o" + std::to_string(i);
    text += "[owners." + id + "]\nname = \"Owner " + std::to_string(i) + "\"\ntimezone = \"" +
            k_zones[static_cast<std::size_t>(i * 7 % 30)] +
            "\"\nworking_hours = { days = \"mon-fri\", hours = \"08:30-17:30\" }\nnotify = [\"console\"]\n" +
            "daily_limit = " + std::to_string(k_daily_limit) + "\n\n";
  }
  text += R"([cadences.prospect]
steps = ["2d", "4d", "7d", "14d"]
business_days = true
min_gap = "2d"
max_touches = { count = 3, within = "21d" }
backoff = 1.5
give_up_after = 5
then = "nurture"
on_reply = "pause"

[cadences.nurture]
steps = ["45d"]
repeat = true

[cadences.customer]
steps = ["14d", "30d"]
repeat = true
business_days = true

[cadences.event]
steps = ["1d", "2d", "3d"]
then = "dormant"

[[talking_points]]
id = "q4-benchmark"
text = "Share the Q4 onboarding benchmark: median time-to-value fell 18%"
link = "https://example.com/benchmark"
tags = ["fintech", "saas"]
stages = ["discovery", "proposal"]
expires = 2027-06-30

[[talking_points]]
id = "case-study-logistics"
text = "Send the logistics case study: two warehouses cut manual reconciliation to zero"
tags = ["logistics"]

[[talking_points]]
id = "ask-for-the-best-time"
text = "Ask when suits them best for a short call, and note it as their window"
steps = [1, 2]

[[talking_points]]
id = "industry-report"
text = "Share the 2027 industry report and ask which trend matters most to them"
stages = ["proposal", "negotiation"]

[[talking_points]]
id = "energy-prices"
text = "Ask how the winter energy prices change their plans"
tags = ["energy"]
)";
  return text;
}

PlanContactProfile make_contact(long i, Instant now, std::mt19937_64& rng) {
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  PlanContactProfile c;
  c.id = "c" + std::to_string(i);
  c.zone = k_zones[static_cast<std::size_t>(i % 30)];
  c.cadence = k_cadences[static_cast<std::size_t>(uniform(0, 3))];
  c.owner = "o" + std::to_string(uniform(0, k_owners - 1));
  if (uniform(0, 1)) c.window = uniform(0, 3);
  if (uniform(0, 9) == 0) c.next_step_date = Date(date::floor<date::days>(now + 24h * uniform(1, 20)));
  switch (i % 3) {
    case 1: c.last_touch = now - 1h * uniform(1, 24 * 30); break;
    case 2: {
      Instant t = now - 1h * uniform(24, 24 * 30);
      const int n = uniform(1, 5);
      for (int k = 0; k < n && t < now; ++k) {
        c.touches.push_back(Touch{t, uniform(0, 7) == 0 ? Outcome::replied : Outcome::touched, "", ""});
        t += 1h * uniform(20, 24 * 6);
      }
      break;
    }
    default: break;
  }
  return c;
}

// The gap `remind` repeats at, in calendar days: the cadence's step after the
// contact's touches so far (prospect's business days stretched by weekends
// and its backoff).
int gap_days(const PlanContactProfile& c) {
  const std::size_t touched = c.touches.size() + (c.last_touch ? 1 : 0);
  if (c.cadence == "prospect") return std::array{6, 10, 15, 20}[std::min<std::size_t>(touched, 3)];
  if (c.cadence == "nurture") return 45;
  if (c.cadence == "customer") return touched == 0 ? 20 : 42;
  return std::array{1, 2, 3}[std::min<std::size_t>(touched, 2)];
}

bool business_days(const PlanContactProfile& c) {
  return c.cadence == "prospect" || c.cadence == "customer";
}

}  // namespace

Status log_touches(const std::filesystem::path& database, const PlanWorkload& w) {
  TB_TRY(auto store, open_sqlite_store(database));
  for (const PlanContactProfile& c : w.contacts) {
    for (const Touch& t : c.touches) TB_TRY_STATUS(store->add_touch(c.id, t));
  }
  return {};
}

std::string remind_date(Date d) {
  static constexpr std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return std::to_string(static_cast<unsigned>(d.day())) + " " + months[static_cast<unsigned>(d.month()) - 1] + " " +
         std::to_string(static_cast<int>(d.year()));
}

PlanWorkload make_plan_workload(long count) {
  PlanWorkload w;
  w.now = parse_rfc3339(k_now).value();
  std::mt19937_64 rng(20261101);
  w.contacts.reserve(static_cast<std::size_t>(count));
  for (long i = 0; i < count; ++i) w.contacts.push_back(make_contact(i, w.now, rng));
  return w;
}

void write_plan_config(const std::filesystem::path& path, const std::filesystem::path& database) {
  std::ofstream(path) << config_text(database);
}

void write_contacts_csv(const std::filesystem::path& path, const PlanWorkload& w) {
  std::ofstream csv(path);
  csv << "id,name,email,phone,company,title,owner,timezone,window,cadence,stage,tags,value,last_touch,next_step,"
         "next_step_date,notes\n";
  std::size_t i = 0;
  for (const PlanContactProfile& c : w.contacts) {
    csv << c.id << ",Contact " << i << "," << c.id << "@example.com,+1 312 555 " << (1000 + i % 9000) << ",Company "
        << i % 997 << ",VP Sales," << c.owner << "," << c.zone << ",\""
        << (c.window < 0 ? "" : k_windows[static_cast<std::size_t>(c.window)].window) << "\"," << c.cadence << ","
        << k_stages[i % k_stages.size()] << ",\"" << k_tags[i % k_tags.size()] << ","
        << k_tags[(i + 1 + (i / 5) % 4) % k_tags.size()] << "\"," << 1000 * (1 + i % 50) << ","
        << (c.last_touch ? format_rfc3339(*c.last_touch) : "") << ","
        << (c.next_step_date ? "send the pricing deck," + format_date(*c.next_step_date) : ",")
        << ",Met at the spring trade fair\n";
    ++i;
  }
}

void write_remind_script(const std::filesystem::path& path, const PlanWorkload& w) {
  std::ofstream out(path);
  for (const char* d : k_holidays) out << "OMIT " << remind_date(parse_date(d).value()) << "\n";
  for (const PlanContactProfile& c : w.contacts) {
    const int gap = gap_days(c);
    std::optional<Instant> last = c.last_touch;
    if (!c.touches.empty()) last = c.touches.back().at;
    const Instant first = last ? std::max(*last + 24h * gap, w.now) : w.now;
    const WindowText& window = c.window < 0 ? k_default_window : k_windows[static_cast<std::size_t>(c.window)];
    out << "REM " << remind_date(Date(date::floor<date::days>(first))) << " *" << gap;
    if (business_days(c)) out << " OMIT Sat Sun AFTER";
    // The event cadence runs out of steps: three follow-ups at most.
    if (c.cadence == "event") out << " UNTIL " << remind_date(Date(date::floor<date::days>(first + 24h * 2 * gap)));
    out << " AT " << window.start << " MSG follow up " << c.id << "\n";
  }
}

}  // namespace touchbase::bench

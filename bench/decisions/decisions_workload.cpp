#include "bench/decisions/decisions_workload.h"

#include <array>
#include <fstream>
#include <sstream>

namespace touchbase::bench {
namespace {

constexpr std::array<const char*, 5> k_zones = {"America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney",
                                                "UTC"};
constexpr int k_owners = 10;
constexpr std::array<const char*, 2> k_cadences = {"steady", "slow"};

std::string config_text(const std::filesystem::path& database) {
  std::string text = "[daemon]\ndatabase = \"" + database.string() + "\"\nlog_level = \"warn\"\n\n";
  text += R"([defaults]
timezone = "UTC"
contact_window = "mon-fri 09:00-17:00"
lead_time = "15m"
cadence = "steady"
owner = "o0"

[notifiers.console]
kind = "console"

[cadences.steady]
steps = ["3d", "4d", "5d"]
repeat = true
business_days = true

[cadences.slow]
steps = ["7d", "14d"]
repeat = true

)";
  std::ostringstream owners;
  for (int i = 0; i < k_owners; ++i) {
    owners << "[owners.o" << i << "]\nname = \"Owner " << i << "\"\ntimezone = \""
           << k_zones[static_cast<std::size_t>(i) % k_zones.size()]
           << "\"\nworking_hours = \"mon-fri 08:00-18:00\"\nnotify = [\"console\"]\n\n";
  }
  return text + owners.str();
}

}  // namespace

std::string decisions_contact_id(long i) {
  return "c" + std::to_string(i);
}

void write_decisions_config(const std::filesystem::path& path, const std::filesystem::path& database) {
  std::ofstream(path) << config_text(database);
}

void write_decisions_csv(const std::filesystem::path& path, long count, Instant now) {
  std::ofstream csv(path);
  const std::string touched = format_rfc3339(now);
  csv << "id,name,email,company,owner,timezone,cadence,value,last_touch\n";
  for (long i = 0; i < count; ++i) {
    const auto u = static_cast<std::size_t>(i);
    csv << decisions_contact_id(i) << ",Contact " << i << ",contact" << i << "@example.com,Company " << i % 997 << ",o"
        << i % k_owners << "," << k_zones[u % k_zones.size()] << "," << k_cadences[u / 7 % k_cadences.size()] << ","
        << 1000 * (1 + i % 50) << "," << touched << "\n";
  }
}

}  // namespace touchbase::bench

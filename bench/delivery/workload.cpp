#include "bench/delivery/workload.h"

#include <fstream>
#include <string>

namespace touchbase::bench {
namespace {

// "whsec_" and the base64 of the bytes 1..32.
constexpr const char* k_secret = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

// The owner's daily_limit is the whole burst, so every reminder goes out today.
std::string config_text(const std::string& url, long contacts) {
  return R"([daemon]
database = "touchbase.db"
log_level = "info"

[defaults]
timezone = "UTC"
contact_window = "mon-sun 00:00-24:00"
lead_time = "0s"
owner = "alice"
cadence = "prospect"

[owners.alice]
name = "Alice Moreno"
timezone = "UTC"
working_hours = "mon-sun 00:00-24:00"
notify = ["sink"]
daily_limit = )" +
         std::to_string(contacts) + R"(

[notifiers.sink]
kind = "webhook"
url = ")" +
         url + R"("
secret_file = "webhook-secret"

[cadences.prospect]
steps = ["30d"]

[[talking_points]]
id = "benchmark"
text = "Share the onboarding benchmark: median time-to-value fell 18%"
link = "https://example.com/benchmark"
)";
}

void write_contacts(const std::filesystem::path& path, long contacts) {
  std::ofstream csv(path);
  csv << "id,name,email,phone,company,title,stage,tags,value\n";
  for (long i = 0; i < contacts; ++i) {
    csv << "contact-" << i << ",Contact " << i << ",contact" << i << "@example.com,+1 312 555 " << (1000 + i % 9000)
        << ",Company " << i % 997 << ",VP Sales,discovery,saas," << 1000 * (1 + i % 50) << "\n";
  }
}

}  // namespace

Workload write_workload(const std::filesystem::path& dir, long contacts, const std::string& url) {
  std::filesystem::create_directories(dir);
  Workload w{dir / "touchbase.toml", dir / "contacts.csv", dir / "touchbase.db"};
  std::ofstream(dir / "webhook-secret") << k_secret;
  std::ofstream(w.config) << config_text(url, contacts);
  write_contacts(w.contacts, contacts);
  return w;
}

}  // namespace touchbase::bench

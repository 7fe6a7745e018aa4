#include "tests/store/store_test_support.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace touchbase::testing {

std::unique_ptr<Store> open_store(const std::filesystem::path& path) {
  auto store = open_sqlite_store(path);
  if (!store) {
    ADD_FAILURE() << "cannot open the store: " << store.error().message;
    throw std::runtime_error(store.error().message);
  }
  return std::move(store).value();
}

Instant at(std::string_view rfc3339) {
  auto t = parse_rfc3339(rfc3339);
  if (!t) throw std::invalid_argument(t.error().message);
  return *t;
}

Contact full_contact(std::string id) {
  Contact c;
  c.id = std::move(id);
  c.name = "Jane Doe";
  c.email = "jane@example.com";
  c.phone = "+1 555 0100";
  c.company = "Acme Corp";
  c.title = "VP Operations";
  c.owner = "alice";
  c.timezone = "Europe/Berlin";
  c.region = "DE-BE";
  c.window = *parse_window("tue,thu 09:00-10:00,16:00-17:30");
  c.cadence = "prospect";
  c.stage = "proposal";
  c.tags = {"fintech", "saas", "emea west"};
  c.value = 12500.75;
  c.status = ContactStatus::paused;
  c.paused_until = at("2026-12-01T09:00:00Z");
  c.last_touch = at("2026-11-03T15:30:00Z");
  c.cadence_since = at("2026-10-01T00:00:00Z");
  c.bounced_at = at("2026-11-04T08:00:00Z");
  c.next_step = NextStep{"send the pricing deck", *parse_date("2026-11-20")};
  c.notes = "Met at the Berlin fintech meetup.\nPrefers calls to email; 'no Mondays'.";
  return c;
}

Contact bare_contact(std::string id) {
  Contact c;
  c.id = std::move(id);
  c.name = "Bare " + c.id;
  return c;
}

int count_rows(const std::filesystem::path& db, std::string_view table) {
  SQLite::Database conn(db, SQLite::OPEN_READONLY);
  return conn.execAndGet("SELECT count(*) FROM " + std::string(table)).getInt();
}

}  // namespace touchbase::testing

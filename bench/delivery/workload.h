#pragma once
// The benchmark's workload, written into a fresh folder: a config with one
// owner whose only notifier is a signed `webhook` to the sink, and a CSV of
// contacts that have never been touched, whose window and the owner's
// working hours span the whole week, with no lead time and a daily limit as
// large as the burst: every contact's first follow-up is due, and sent, the
// moment the daemon starts.

#include <filesystem>
#include <string>

namespace touchbase::bench {

struct Workload {
  std::filesystem::path config;    // touchbase.toml
  std::filesystem::path contacts;  // contacts.csv
  std::filesystem::path database;  // where the config puts the SQLite file
};

// Writes the config, its webhook secret and `contacts` contacts into `dir`.
Workload write_workload(const std::filesystem::path& dir, long contacts, const std::string& url);

}  // namespace touchbase::bench

#pragma once
// Random configs, contacts and histories from a fixed seed, for the property
// tests and the benchmark: same seed, same world.

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "config/config.h"
#include "scheduler/plan.h"

namespace touchbase::testing {

inline constexpr std::array<const char*, 16> k_world_zones = {
    "Europe/Berlin",      "America/New_York", "America/Chicago",     "Asia/Kolkata",
    "Australia/Adelaide", "Pacific/Chatham",  "Australia/Lord_Howe", "Pacific/Kiritimati",
    "Pacific/Pago_Pago",  "Asia/Tokyo",       "America/Sao_Paulo",   "Europe/London",
    "America/St_Johns",   "Asia/Kathmandu",   "Pacific/Apia",        "UTC"};

struct World {
  Config config;
  std::vector<PlanContact> contacts;
  Instant now;
};

class WorldMaker {
 public:
  explicit WorldMaker(std::uint64_t seed) : rng_(seed) {}

  World make(int contacts, Instant now);

  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(uniform(0, static_cast<int>(N) - 1))];
  }

  WeeklyWindow random_window(int min_length);
  Cadence random_cadence(const std::string& name, int count);
  Owner random_owner(const std::string& id);
  PlanContact random_contact(int index, const Config& config, Instant now);

 private:
  std::mt19937_64 rng_;
};

}  // namespace touchbase::testing

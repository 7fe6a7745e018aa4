#include "cli/days_option.h"

#include <charconv>
#include <string>

namespace touchbase {
namespace {

// CLI11 puts the flag's name before what this returns; empty means valid.
std::string check_days(const std::string& text) {
  const std::string bounds = "expected a whole number of days from 1 to " + std::to_string(k_max_days);
  int days = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (error == std::errc::result_out_of_range) return "'" + text + "' is out of range: " + bounds;
  if (error != std::errc{} || end != text.data() + text.size()) return "'" + text + "': " + bounds;
  if (days < 1) return "'" + text + "' is less than 1: " + bounds;
  if (days > k_max_days) return "'" + text + "' is more than the maximum: " + bounds;
  return {};
}

}  // namespace

CLI::Option* add_days_option(CLI::App& cmd, int& days, int default_days) {
  CLI::Validator in_range([](std::string& text) { return check_days(text); },
                          "DAYS from 1 to " + std::to_string(k_max_days));
  return cmd.add_option("--days", days, "How many days ahead (at most " + std::to_string(k_max_days) + ")")
      ->default_val(default_days)
      ->check(in_range);
}

}  // namespace touchbase

#pragma once
// `--days N`, how far ahead `plan`, `points` and `calendar` look: a whole
// number from 1 to k_max_days. Anything else is a usage error naming the flag
// and the bounds, before the command opens anything.

#include <CLI/CLI.hpp>

namespace touchbase {

// A year, leap day included: further ahead, a plan says little and costs much.
inline constexpr int k_max_days = 366;

// Adds `--days` to `cmd`, read into `days` (which must outlive the parse),
// `default_days` when absent.
CLI::Option* add_days_option(CLI::App& cmd, int& days, int default_days);

}  // namespace touchbase

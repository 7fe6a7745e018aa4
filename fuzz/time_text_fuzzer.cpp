// The duration, rate, time, date and window texts of the config, the command
// line and imported files: whatever parses prints in a form that parses back
// to the same value, and nothing crashes.

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/time.h"
#include "core/window.h"
#include "fuzz/fuzz_check.h"

namespace {

using touchbase::fuzz::check;

void check_duration(const std::string& text) {
  const auto d = touchbase::parse_duration(text);
  if (!d) return;
  check(d.value() >= touchbase::Seconds{0} && d.value() <= touchbase::k_max_duration, "durations in range");
  const auto again = touchbase::parse_duration(touchbase::format_duration(d.value()));
  check(again.ok() && again.value() == d.value(), "a duration prints and reads back");
}

void check_rate(const std::string& text) {
  const auto r = touchbase::parse_rate(text);
  if (!r) return;
  const auto again = touchbase::parse_rate(touchbase::format_rate(r.value()));
  check(again.ok() && again.value() == r.value(), "a rate prints and reads back");
}

void check_time(const std::string& text) {
  const auto t = touchbase::parse_rfc3339(text);
  if (!t) return;
  const auto again = touchbase::parse_rfc3339(touchbase::format_rfc3339(t.value()));
  check(again.ok() && again.value() == t.value(), "a time prints and reads back");
}

void check_date(const std::string& text) {
  const auto d = touchbase::parse_date(text);
  if (!d) return;
  const auto again = touchbase::parse_date(touchbase::format_date(d.value()));
  check(again.ok() && again.value() == d.value(), "a date prints and reads back");
}

void check_window(const std::string& text) {
  const auto w = touchbase::parse_window(text);
  if (!w) return;
  const std::string printed = touchbase::format_window(w.value());
  const auto again = touchbase::parse_window(printed);
  check(again.ok() && touchbase::format_window(again.value()) == printed, "a window prints and reads back");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  const std::string text = input.ConsumeRemainingBytesAsString();
  check_duration(text);
  check_rate(text);
  check_time(text);
  check_date(text);
  check_window(text);
  (void)touchbase::parse_day_set(text);
  (void)touchbase::parse_hour_ranges(text);
  return 0;
}

// A holiday calendar as anyone may download or write it: the reader answers
// days and problems and never crashes; every day lies in the years asked
// for, in date order, one per date, its name printable; every problem says
// what is wrong, in UTF-8, at a line that is not negative.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/holiday_calendar.h"
#include "core/utf8.h"
#include "fuzz/fuzz_check.h"

using touchbase::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr int k_first = 2025;
  constexpr int k_last = 2029;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto read = touchbase::config_detail::read_holiday_calendar(text, k_first, k_last);
  for (std::size_t i = 0; i < read.days.size(); ++i) {
    const auto& day = read.days[i];
    check(day.date >= touchbase::Date{date::year{k_first} / 1 / 1} &&
              day.date <= touchbase::Date{date::year{k_last} / 12 / 31},
          "every day lies in the years asked for");
    check(i == 0 || read.days[i - 1].date < day.date, "days are in date order, one per date");
    check(touchbase::is_printable(day.name, touchbase::LineFeeds::escape), "a day's name is printable");
  }
  for (const auto& problem : read.problems) {
    check(!problem.message.empty(), "every problem says what is wrong");
    check(touchbase::is_utf8(problem.message), "a problem's message is UTF-8");
    check(problem.line >= 0, "lines are not negative");
  }
  return 0;
}

#include "core/window.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace touchbase {
namespace {

constexpr std::array<std::string_view, 7> k_day_names = {"sunday",   "monday", "tuesday", "wednesday",
                                                         "thursday", "friday", "saturday"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

Result<unsigned> parse_day(std::string_view text) {
  std::string name = lower(trim(text));
  for (unsigned i = 0; i < k_day_names.size(); ++i) {
    if (name.size() >= 3 && k_day_names[i].starts_with(name)) return i;
  }
  return Error::data("'" + std::string(trim(text)) + "' is not a day: expected mon, tue, wed, thu, fri, sat or sun");
}

// One item: "mon" or "mon-fri" (wrapping past Saturday).
Status add_days(std::string_view item, DaySet& set) {
  auto dash = item.find('-');
  TB_TRY(unsigned first, parse_day(item.substr(0, dash)));
  unsigned last = first;
  if (dash != std::string_view::npos) {
    TB_TRY(last, parse_day(item.substr(dash + 1)));
  }
  for (unsigned d = first;; d = (d + 1) % 7) {
    set.bits = static_cast<std::uint8_t>(set.bits | (1u << d));
    if (d == last) break;
  }
  return {};
}

Result<int> parse_clock(std::string_view text) {
  text = trim(text);
  auto bad = [&] { return Error::data("'" + std::string(text) + "' is not a time of day: expected HH:MM"); };
  if (text.size() != 5 || text[2] != ':') return bad();
  for (std::size_t i : {0, 1, 3, 4}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return bad();
  }
  int h = (text[0] - '0') * 10 + (text[1] - '0');
  int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return bad();
  return h * 60 + m;
}

Result<HourRange> parse_hour_range(std::string_view text) {
  auto dash = text.find('-');
  if (dash == std::string_view::npos) {
    return Error::data("'" + std::string(trim(text)) + "' is not an hour range: expected HH:MM-HH:MM");
  }
  TB_TRY(int start, parse_clock(text.substr(0, dash)));
  TB_TRY(int end, parse_clock(text.substr(dash + 1)));
  if (end <= start) {
    return Error::data("'" + std::string(trim(text)) + "' is an empty hour range: the end must be after the start");
  }
  return HourRange{start, end};
}

std::string format_clock(int minute) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
  return buf;
}

}  // namespace

Result<DaySet> parse_day_set(std::string_view text) {
  DaySet set;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto comma = text.find(',', pos);
    auto item = text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    TB_TRY_STATUS(add_days(item, set));
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return set;
}

Result<DaySet> parse_day_set(std::span<const std::string> items) {
  if (items.empty()) return Error::data("the list of days is empty: expected at least one day");
  DaySet set;
  for (const auto& item : items) TB_TRY_STATUS(add_days(item, set));
  return set;
}

Result<std::vector<HourRange>> parse_hour_ranges(std::string_view text) {
  std::vector<HourRange> ranges;
  std::size_t pos = 0;
  while (true) {
    auto comma = text.find(',', pos);
    auto item = text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    TB_TRY(HourRange r, parse_hour_range(item));
    ranges.push_back(r);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  std::sort(ranges.begin(), ranges.end(), [](auto a, auto b) { return a.start_minute < b.start_minute; });
  for (std::size_t i = 1; i < ranges.size(); ++i) {
    if (ranges[i].start_minute < ranges[i - 1].end_minute) {
      return Error::data("hour ranges " + format_hour_ranges(std::span(&ranges[i - 1], 2)) +
                         " overlap: expected separate ranges");
    }
  }
  return ranges;
}

Result<WeeklyWindow> parse_window(std::string_view text) {
  text = trim(text);
  auto space = text.find(' ');
  if (space == std::string_view::npos) {
    return Error::data("'" + std::string(text) +
                       "' is not a window: expected days and hours, like 'mon-fri 16:00-17:30'");
  }
  TB_TRY(DaySet days, parse_day_set(text.substr(0, space)));
  TB_TRY(auto hours, parse_hour_ranges(text.substr(space + 1)));
  return WeeklyWindow{days, std::move(hours)};
}

std::string format_day_set(DaySet days) {
  // Runs of consecutive days, Monday first: "mon-fri", "tue,thu", "sat,sun".
  std::string out;
  constexpr std::array<unsigned, 7> order = {1, 2, 3, 4, 5, 6, 0};
  std::size_t i = 0;
  while (i < order.size()) {
    if (!days.contains(order[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < order.size() && days.contains(order[j + 1])) ++j;
    if (!out.empty()) out += ',';
    out += k_day_names[order[i]].substr(0, 3);
    if (j > i + 1)
      out += "-" + std::string(k_day_names[order[j]].substr(0, 3));
    else if (j == i + 1)
      out += "," + std::string(k_day_names[order[j]].substr(0, 3));
    i = j + 1;
  }
  return out;
}

std::string format_hour_ranges(std::span<const HourRange> hours) {
  std::string out;
  for (const auto& r : hours) {
    if (!out.empty()) out += ',';
    out += format_clock(r.start_minute) + "-" + format_clock(r.end_minute);
  }
  return out;
}

std::string format_window(const WeeklyWindow& w) {
  return format_day_set(w.days) + " " + format_hour_ranges(w.hours);
}

}  // namespace touchbase

#include "mailbox/mail_date.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include "mailbox/header_fields.h"

namespace touchbase {
namespace {

constexpr std::size_t k_max_tokens = 8;

// The words of `text` split at blanks and commas, comments left out; at most k_max_tokens + 1.
std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (depth > 0 || c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
      if (out.size() > k_max_tokens) return out;
    } else {
      current += c;
    }
    if (c == ')' && depth > 0) --depth;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::optional<int> number(std::string_view text, std::size_t min_digits, std::size_t max_digits) {
  if (text.size() < min_digits || text.size() > max_digits) return std::nullopt;
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<unsigned> month_of(std::string_view name) {
  static constexpr std::array<std::string_view, 12> k_months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string lower = ascii_lower(name);
  for (unsigned i = 0; i < k_months.size(); ++i) {
    if (lower == k_months[i]) return i + 1;
  }
  return std::nullopt;
}

// The zone's offset east of UTC, in minutes.
std::optional<int> zone_offset(std::string_view zone) {
  if (!zone.empty() && (zone[0] == '+' || zone[0] == '-')) {
    if (zone.size() != 5) return std::nullopt;
    const auto hours = number(zone.substr(1, 2), 2, 2);
    const auto minutes = number(zone.substr(3, 2), 2, 2);
    if (!hours || !minutes || *minutes > 59) return std::nullopt;
    return (zone[0] == '-' ? -1 : 1) * (*hours * 60 + *minutes);
  }
  static const std::array<std::pair<std::string_view, int>, 8> k_names = {
      {{"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}}};
  const std::string lower = ascii_lower(zone);
  for (const auto& [name, hours] : k_names) {
    if (lower == name) return hours * 60;
  }
  return 0;  // UT, GMT, Z, military and unknown names
}

struct ClockTime {
  int hour = 0, minute = 0, second = 0;
};

std::optional<ClockTime> clock_time(std::string_view text) {
  ClockTime t;
  const auto c1 = text.find(':');
  const auto c2 = text.find(':', c1 == std::string_view::npos ? c1 : c1 + 1);
  if (c1 == std::string_view::npos) return std::nullopt;
  const auto hour = number(text.substr(0, c1), 1, 2);
  const auto minute = number(text.substr(c1 + 1, c2 == std::string_view::npos ? c2 : c2 - c1 - 1), 2, 2);
  const auto second = c2 == std::string_view::npos ? std::optional<int>(0) : number(text.substr(c2 + 1), 2, 2);
  if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  t.hour = *hour;
  t.minute = *minute;
  t.second = std::min(*second, 59);
  return t;
}

}  // namespace

std::optional<Instant> parse_mail_date(std::string_view text) {
  auto tokens = tokens_of(text);
  if (!tokens.empty() && !tokens.front().empty() && !std::isdigit(static_cast<unsigned char>(tokens.front()[0]))) {
    tokens.erase(tokens.begin());  // the weekday
  }
  if (tokens.size() < 4 || tokens.size() > 5) return std::nullopt;
  const auto day = number(tokens[0], 1, 2);
  const auto month = month_of(tokens[1]);
  auto year = number(tokens[2], 2, 4);
  const auto time = clock_time(tokens[3]);
  const auto offset = tokens.size() == 5 ? zone_offset(tokens[4]) : std::optional<int>(0);
  if (!day || !month || !year || !time || !offset) return std::nullopt;
  if (tokens[2].size() == 2) *year += *year < 50 ? 2000 : 1900;
  if (tokens[2].size() == 3) *year += 1900;
  const date::year_month_day ymd{date::year(*year), date::month(*month), date::day(static_cast<unsigned>(*day))};
  if (!ymd.ok()) return std::nullopt;
  const auto local = date::sys_days(ymd) + std::chrono::hours(time->hour) + std::chrono::minutes(time->minute) +
                     std::chrono::seconds(time->second);
  return Instant(local - std::chrono::minutes(*offset));
}

}  // namespace touchbase

#include "core/time.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <sstream>

namespace touchbase {
namespace {

constexpr std::int64_t k_minute = 60;
constexpr std::int64_t k_hour = 60 * k_minute;
constexpr std::int64_t k_day = 24 * k_hour;
constexpr std::int64_t k_week = 7 * k_day;

std::optional<std::int64_t> unit_seconds(char unit) {
  switch (unit) {
    case 's': return 1;
    case 'm': return k_minute;
    case 'h': return k_hour;
    case 'd': return k_day;
    case 'w': return k_week;
    default: return std::nullopt;
  }
}

void append_two_digits(std::string& out, std::int64_t n) {
  out.push_back(static_cast<char>('0' + n / 10));
  out.push_back(static_cast<char>('0' + n % 10));
}

// "YYYY-MM-DDTHH:MM:SS" of `since_epoch` (UTC, or local when shifted by an
// offset), as date::format's "%FT%T" writes it; false, appending nothing,
// for a year outside 0000-9999, which the caller leaves to date::format.
bool append_date_time(std::string& out, Seconds since_epoch) {
  const auto day = date::floor<date::days>(date::sys_seconds(since_epoch));
  const date::year_month_day ymd(day);
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return false;
  const std::int64_t seconds = (date::sys_seconds(since_epoch) - day).count();
  append_two_digits(out, year / 100);
  append_two_digits(out, year % 100);
  out.push_back('-');
  append_two_digits(out, static_cast<unsigned>(ymd.month()));
  out.push_back('-');
  append_two_digits(out, static_cast<unsigned>(ymd.day()));
  out.push_back('T');
  append_two_digits(out, seconds / k_hour);
  out.push_back(':');
  append_two_digits(out, seconds / k_minute % 60);
  out.push_back(':');
  append_two_digits(out, seconds % 60);
  return true;
}

// `count` digits of `text` from `at` as a number, or -1.
int digits(std::string_view text, std::size_t at, std::size_t count) {
  int n = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    n = n * 10 + (text[i] - '0');
  }
  return n;
}

// "YYYY-MM-DDTHH:MM:SSZ" exactly, a valid date and time of day: the form
// almost every file has, read without a stream. Anything else is nullopt
// and left to date::parse.
std::optional<Instant> parse_plain_utc(std::string_view text) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  const int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
      second > 59) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year(year), date::month(static_cast<unsigned>(month)),
                                 date::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days(ymd) + std::chrono::hours(hour) + std::chrono::minutes(minute) + Seconds(second);
}

}  // namespace

Result<Seconds> parse_duration(std::string_view text) {
  auto bad = [&] {
    return Error::data("'" + std::string(text) +
                       "' is not a duration: expected a whole number and a unit, like 30s, 15m, 2h, 3d or 2w");
  };
  if (text.size() < 2) return bad();
  auto unit = unit_seconds(text.back());
  if (!unit) return bad();
  std::int64_t n = 0;
  auto digits = text.substr(0, text.size() - 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc{} || end != digits.data() + digits.size() || n < 0) return bad();
  if (n > k_max_duration.count() / *unit) {
    return Error::data("'" + std::string(text) + "' is longer than " + format_duration(k_max_duration) +
                       " (100 years): expected a shorter duration");
  }
  return Seconds(n * *unit);
}

std::string format_duration(Seconds d) {
  std::int64_t s = d.count();
  if (s == 0) return "0s";
  for (auto [unit, size] : {std::pair{'w', k_week}, {'d', k_day}, {'h', k_hour}, {'m', k_minute}}) {
    if (s % size == 0) return std::to_string(s / size) + unit;
  }
  return std::to_string(s) + 's';
}

Result<Rate> parse_rate(std::string_view text) {
  auto bad = [&] {
    return Error::data("'" + std::string(text) +
                       "' is not a rate: expected a count per period, like 1/s, 60/m or 5/2s");
  };
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return bad();
  int count = 0;
  auto digits = text.substr(0, slash);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  if (ec != std::errc{} || end != digits.data() + digits.size() || count < 1) return bad();
  std::string period(text.substr(slash + 1));
  if (period.size() == 1) period.insert(0, "1");
  auto per = parse_duration(period);
  if (!per || *per <= Seconds(0)) return bad();
  return Rate{count, *per};
}

std::string format_rate(Rate r) {
  std::string per = format_duration(r.per);
  if (per.starts_with("1") && per.size() == 2) per.erase(0, 1);
  return std::to_string(r.count) + "/" + per;
}

namespace {

bool in_accepted_years(date::year y) {
  return y >= date::year(k_first_year) && y <= date::year(k_last_year);
}

Error outside_accepted_years(std::string_view text) {
  return Error::data("'" + std::string(text) + "' is outside the years " + std::to_string(k_first_year) + " to " +
                     std::to_string(k_last_year) + ": expected a time in them");
}

Result<Instant> parse_any_rfc3339(std::string_view text);
Result<Date> parse_any_date(std::string_view text);

bool digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether `s` (its 'T' and 'Z' already upper case) has the characters
// "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH[:MM]|-HH[:MM])" in place: date::parse
// reads the seconds as a floating-point number and would take "nan" or "inf".
bool rfc3339_shape(std::string_view s) {
  const auto at = [&](std::size_t i, char c) { return s[i] == c; };
  if (!digits(s.substr(0, 4)) || !at(4, '-') || !digits(s.substr(5, 2)) || !at(7, '-') || !digits(s.substr(8, 2)) ||
      !at(10, 'T') || !digits(s.substr(11, 2)) || !at(13, ':') || !digits(s.substr(14, 2)) || !at(16, ':') ||
      !digits(s.substr(17, 2))) {
    return false;
  }
  std::string_view rest = s.substr(19);
  if (rest.starts_with('.')) {
    const auto end = rest.find_first_not_of("0123456789", 1);
    if (end == 1 || end == std::string_view::npos) return false;
    rest.remove_prefix(end);
  }
  if (rest == "Z") return true;
  if (rest.size() < 3 || (rest[0] != '+' && rest[0] != '-') || !digits(rest.substr(1, 2))) return false;
  rest.remove_prefix(3);  // then nothing or ":MM", as date::parse's %Ez reads
  return rest.empty() || (rest.size() == 3 && rest[0] == ':' && digits(rest.substr(1)));
}

}  // namespace

Result<Instant> parse_rfc3339(std::string_view text) {
  TB_TRY(Instant t, parse_any_rfc3339(text));
  if (!in_accepted_years(date::year_month_day(date::floor<date::days>(t)).year())) return outside_accepted_years(text);
  return t;
}

namespace {

Result<Instant> parse_any_rfc3339(std::string_view text) {
  if (auto utc = parse_plain_utc(text)) return *utc;
  std::string s(text);
  auto bad = [&] {
    return Error::data("'" + s +
                       "' is not an RFC 3339 time: expected like 2026-11-23T16:00:00Z or 2026-11-23T16:00:00+01:00");
  };
  if (s.size() == 10) {
    auto d = parse_any_date(s);
    if (!d) return bad();
    return Instant(date::sys_days(*d));
  }
  if (s.size() < 20) return bad();
  if (s[10] == 't' || s[10] == ' ') s[10] = 'T';
  if (s.back() == 'z') s.back() = 'Z';
  if (!rfc3339_shape(s)) return bad();
  std::istringstream in(s);
  date::sys_time<std::chrono::milliseconds> t;
  if (s.back() == 'Z') {
    in >> date::parse("%FT%TZ", t);
  } else {
    in >> date::parse("%FT%T%Ez", t);
  }
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return bad();
  return std::chrono::floor<Seconds>(t);
}

}  // namespace

std::string format_rfc3339(Instant t) {
  std::string out;
  if (append_date_time(out, t.time_since_epoch())) {
    out.push_back('Z');
    return out;
  }
  return date::format("%FT%TZ", t);
}

std::string format_rfc3339_local(Instant t, const date::time_zone& zone) {
  const date::sys_info info = zone.get_info(t);
  const auto offset = info.offset.count();
  std::string out;
  if (offset % k_minute == 0 && append_date_time(out, t.time_since_epoch() + info.offset)) {
    out.push_back(offset < 0 ? '-' : '+');
    append_two_digits(out, std::abs(offset) / k_hour);
    out.push_back(':');
    append_two_digits(out, std::abs(offset) / k_minute % 60);
    return out;
  }
  date::zoned_seconds z(&zone, t);
  std::string s = date::format("%FT%T%z", z);
  s.insert(s.size() - 2, ":");  // +0100 -> +01:00
  return s;
}

namespace {

Result<Date> parse_any_date(std::string_view text) {
  std::istringstream in{std::string(text)};
  date::year_month_day d{};
  in >> date::parse("%F", d);
  if (in.fail() || in.peek() != std::char_traits<char>::eof() || text.size() != 10 || !d.ok()) {
    return Error::data("'" + std::string(text) + "' is not a date: expected YYYY-MM-DD");
  }
  return d;
}

}  // namespace

Result<Date> parse_date(std::string_view text) {
  TB_TRY(Date d, parse_any_date(text));
  if (!in_accepted_years(d.year())) return outside_accepted_years(text);
  return d;
}

Date local_date(Instant t, std::string_view zone_name) {
  const date::zoned_seconds local(date::locate_zone(zone_name), t);
  return Date(date::floor<date::days>(local.get_local_time()));
}

std::string format_date(Date d) {
  return date::format("%F", d);
}

Result<const date::time_zone*> find_zone(std::string_view name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return Error::data("'" + std::string(name) +
                       "' is not a known IANA time zone: expected a name like America/New_York or Europe/Berlin");
  }
}

}  // namespace touchbase

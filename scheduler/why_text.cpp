#include "scheduler/why_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace touchbase {
namespace {

constexpr std::array<std::string_view, 7> k_weekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> k_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void append_two_digits(std::string& out, long n) {
  out.push_back(static_cast<char>('0' + n / 10));
  out.push_back(static_cast<char>('0' + n % 10));
}

void append_count(std::string& out, long long n, std::string_view unit, std::string_view units) {
  append_int(out, n);
  out.push_back(' ');
  out.append(n == 1 ? unit : units);
}

}  // namespace

void append_int(std::string& out, long long n) {
  std::array<char, 24> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), n);
  out.append(buf.data(), end);
}

void append_ordinal(std::string& out, int n) {
  append_int(out, n);
  const int last_two = n % 100;
  const int last = n % 10;
  if (last_two >= 11 && last_two <= 13) {
    out.append("th");
  } else {
    out.append(last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th");
  }
}

void append_factor(std::string& out, double factor) {
  std::array<char, 32> buf{};
  int n = std::snprintf(buf.data(), buf.size(), "%.3f", factor);
  if (n <= 0) return;
  std::string_view text(buf.data(), static_cast<std::size_t>(n));
  while (text.ends_with('0')) text.remove_suffix(1);
  if (text.ends_with('.')) text.remove_suffix(1);
  out.append(text);
}

void append_gap(std::string& out, Seconds gap, bool business_days) {
  const long long s = gap.count();
  if (s % 86400 == 0) {
    append_count(out, s / 86400, business_days ? "business day" : "day", business_days ? "business days" : "days");
    return;
  }
  for (auto [size, unit] : {std::pair{3600LL, 'h'}, {60LL, 'm'}, {1LL, 's'}}) {
    if (s % size == 0) {
      append_int(out, s / size);
      out.push_back(unit);
      return;
    }
  }
}

void append_day(std::string& out, LocalDays day) {
  const date::year_month_day ymd(day);
  out.append(k_weekdays[date::weekday(day).c_encoding()]);
  out.push_back(' ');
  append_int(out, static_cast<unsigned>(ymd.day()));
  out.push_back(' ');
  out.append(k_months[static_cast<unsigned>(ymd.month()) - 1]);
}

void append_local(std::string& out, LocalSeconds t) {
  const LocalDays day = date::floor<date::days>(t);
  const long seconds = static_cast<long>((t - day).count());
  append_day(out, day);
  out.push_back(' ');
  append_two_digits(out, seconds / 3600);
  out.push_back(':');
  append_two_digits(out, seconds / 60 % 60);
}

void append_local_in(std::string& out, Instant t, const Zone& zone) {
  append_local(out, zone.to_local(t));
  out.push_back(' ');
  out.append(zone.name());
}

void append_possessive(std::string& out, std::string_view name) {
  out.append(name);
  out.append(name.ends_with('s') ? "'" : "'s");
}

}  // namespace touchbase

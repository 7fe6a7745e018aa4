#include "core/contact.h"

#include <array>
#include <utility>

namespace touchbase {
namespace {

constexpr std::array<std::pair<ContactStatus, std::string_view>, 6> k_statuses = {{
    {ContactStatus::active, "active"},
    {ContactStatus::paused, "paused"},
    {ContactStatus::dormant, "dormant"},
    {ContactStatus::closed_won, "closed-won"},
    {ContactStatus::closed_lost, "closed-lost"},
    {ContactStatus::closed_unqualified, "closed-unqualified"},
}};

constexpr std::array<std::pair<Outcome, std::string_view>, 4> k_outcomes = {{
    {Outcome::touched, "touched"},
    {Outcome::replied, "replied"},
    {Outcome::meeting, "meeting"},
    {Outcome::no_answer, "no-answer"},
}};

constexpr std::array<std::pair<TouchSource, std::string_view>, 5> k_sources = {{
    {TouchSource::cli, "cli"},
    {TouchSource::link, "link"},
    {TouchSource::mailbox, "mailbox"},
    {TouchSource::sent, "sent"},
    {TouchSource::import, "import"},
}};

// The name of `value` in `table` (the first entry's when absent), and back.
template <class T, std::size_t N>
std::string_view name_in(const std::array<std::pair<T, std::string_view>, N>& table, T value) {
  for (auto [v, name] : table) {
    if (v == value) return name;
  }
  return table.front().second;
}

template <class T, std::size_t N>
std::optional<T> value_in(const std::array<std::pair<T, std::string_view>, N>& table, std::string_view text) {
  for (auto [v, name] : table) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ContactStatus s) {
  return name_in(k_statuses, s);
}

std::optional<ContactStatus> parse_contact_status(std::string_view text) {
  return value_in(k_statuses, text);
}

std::string_view to_string(Outcome o) {
  return name_in(k_outcomes, o);
}

std::string next_step_text(const NextStep& step) {
  return step.date ? step.text + " (agreed for " + format_date(*step.date) + ")" : step.text;
}

std::optional<Outcome> parse_outcome(std::string_view text) {
  if (text == "no_answer") return Outcome::no_answer;
  return value_in(k_outcomes, text);
}

std::string_view to_string(TouchSource s) {
  return name_in(k_sources, s);
}

std::optional<TouchSource> parse_touch_source(std::string_view text) {
  return value_in(k_sources, text);
}

}  // namespace touchbase

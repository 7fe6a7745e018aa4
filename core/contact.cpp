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

}  // namespace

std::string_view to_string(ContactStatus s) {
  for (auto [value, name] : k_statuses) {
    if (value == s) return name;
  }
  return "active";
}

std::optional<ContactStatus> parse_contact_status(std::string_view text) {
  for (auto [value, name] : k_statuses) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string_view to_string(Outcome o) {
  for (auto [value, name] : k_outcomes) {
    if (value == o) return name;
  }
  return "touched";
}

std::string next_step_text(const NextStep& step) {
  return step.date ? step.text + " (agreed for " + format_date(*step.date) + ")" : step.text;
}

std::optional<Outcome> parse_outcome(std::string_view text) {
  if (text == "no_answer") return Outcome::no_answer;
  for (auto [value, name] : k_outcomes) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace touchbase

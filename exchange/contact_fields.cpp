#include "exchange/contact_fields.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <vector>

#include "core/region.h"

namespace touchbase {
namespace {

std::vector<std::string> split_tags(std::string_view text) {
  std::vector<std::string> tags;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto sep = text.find_first_of(",;", pos);
    auto tag = trim_field(text.substr(pos, sep == std::string_view::npos ? std::string_view::npos : sep - pos));
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    if (sep == std::string_view::npos) break;
    pos = sep + 1;
  }
  return tags;
}

Result<double> parse_value(std::string_view text) {
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(v) || v < 0) {
    return Error::data("'" + std::string(text) + "' is not a deal value: expected a number like 12000 or 4999.50");
  }
  return v;
}

Status check_known(std::string_view what, const std::string& name, const std::set<std::string, std::less<>>& known) {
  if (name.empty() || known.empty() || known.contains(name)) return {};
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  return Error::data("unknown " + std::string(what) + " '" + name + "': expected one of " + list);
}

Status set_optional_instant(std::optional<Instant>& field, const std::string& value) {
  field.reset();
  if (value.empty()) return {};
  TB_TRY(field, parse_rfc3339(value));
  return {};
}

Status set_status(Contact& c, const std::string& value) {
  if (value.empty()) {
    c.status = ContactStatus::active;
    return {};
  }
  auto status = parse_contact_status(value);
  if (!status) {
    return Error::data("unknown status '" + value +
                       "': expected active, paused, dormant, closed-won, closed-lost or closed-unqualified "
                       "(another tool's status column can be ignored with --map '<its header>=')");
  }
  c.status = *status;
  return {};
}

Status set_next_step_date(Contact& c, const std::string& value) {
  c.next_step.date.reset();
  if (value.empty()) return {};
  TB_TRY(c.next_step.date, parse_date(value));
  return {};
}

Status set_window(Contact& c, const std::string& value) {
  c.window.reset();
  if (value.empty()) return {};
  TB_TRY(c.window, parse_window(value));
  return {};
}

Status set_region(Contact& c, const std::string& value) {
  c.region.clear();
  if (value.empty()) return {};
  TB_TRY(c.region, parse_region(value));
  return {};
}

Status set_name(Contact& c, const std::string& value) {
  if (value.empty()) return Error::data("the name is empty: expected the contact's name");
  c.name = value;
  return {};
}

Status set_email(Contact& c, const std::string& value) {
  if (!value.empty() && value.find('@') == std::string::npos) {
    return Error::data("'" + value + "' is not an email address: expected name@domain");
  }
  c.email = value;
  return {};
}

// A setter gets the trimmed value, the raw one and the rules.
using Setter = std::function<Status(Contact&, const std::string&, std::string_view, const ImportRules&)>;

Setter text_field(std::string Contact::*field) {
  return [field](Contact& c, const std::string& v, std::string_view, const ImportRules&) -> Status {
    c.*field = v;
    return {};
  };
}

const std::map<std::string, Setter, std::less<>>& setters() {
  using R = const ImportRules&;
  using V = const std::string&;
  static const std::map<std::string, Setter, std::less<>> table = {
      {"name", [](Contact& c, V v, std::string_view, R) { return set_name(c, v); }},
      {"email", [](Contact& c, V v, std::string_view, R) { return set_email(c, v); }},
      {"phone", text_field(&Contact::phone)},
      {"company", text_field(&Contact::company)},
      {"title", text_field(&Contact::title)},
      {"stage", text_field(&Contact::stage)},
      {"owner",
       [](Contact& c, V v, std::string_view, R r) -> Status {
         TB_TRY_STATUS(check_known("owner", v, r.owners));
         c.owner = v;
         return {};
       }},
      {"timezone",
       [](Contact& c, V v, std::string_view, R) -> Status {
         if (!v.empty()) TB_TRY_STATUS(find_zone(v));
         c.timezone = v;
         return {};
       }},
      {"region", [](Contact& c, V v, std::string_view, R) { return set_region(c, v); }},
      {"window", [](Contact& c, V v, std::string_view, R) { return set_window(c, v); }},
      {"cadence",
       [](Contact& c, V v, std::string_view, R r) -> Status {
         TB_TRY_STATUS(check_known("cadence", v, r.cadences));
         c.cadence = v;
         return {};
       }},
      {"tags",
       [](Contact& c, V v, std::string_view, R) -> Status {
         c.tags = split_tags(v);
         return {};
       }},
      {"value",
       [](Contact& c, V v, std::string_view, R) -> Status {
         c.value = 0;
         if (!v.empty()) {
           TB_TRY(c.value, parse_value(v));
         }
         return {};
       }},
      {"last_touch", [](Contact& c, V v, std::string_view, R) { return set_optional_instant(c.last_touch, v); }},
      {"notes",
       [](Contact& c, V, std::string_view raw, R) -> Status {
         c.notes = std::string(raw);
         return {};
       }},
      {"status", [](Contact& c, V v, std::string_view, R) { return set_status(c, v); }},
      {"paused_until", [](Contact& c, V v, std::string_view, R) { return set_optional_instant(c.paused_until, v); }},
      {"cadence_since", [](Contact& c, V v, std::string_view, R) { return set_optional_instant(c.cadence_since, v); }},
      {"bounced_at", [](Contact& c, V v, std::string_view, R) { return set_optional_instant(c.bounced_at, v); }},
      {"next_step",
       [](Contact& c, V v, std::string_view, R) -> Status {
         c.next_step.text = v;
         return {};
       }},
      {"next_step_date", [](Contact& c, V v, std::string_view, R) { return set_next_step_date(c, v); }},
  };
  return table;
}

}  // namespace

bool is_contact_column(std::string_view name) {
  return std::find(std::begin(k_contact_columns), std::end(k_contact_columns), name) != std::end(k_contact_columns) ||
         std::find(std::begin(k_state_columns), std::end(k_state_columns), name) != std::end(k_state_columns);
}

std::string trim_field(std::string_view s) {
  auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

Status set_contact_field(Contact& c, std::string_view column, std::string_view raw, const ImportRules& rules) {
  auto it = setters().find(column);
  if (it == setters().end()) return Error::usage("unknown contact field '" + std::string(column) + "'");
  return it->second(c, trim_field(raw), raw, rules);
}

}  // namespace touchbase

#include "notifiers/action_links.h"

#include <array>

#include "core/url.h"
#include "notifiers/text.h"

namespace touchbase {
namespace {

constexpr std::array k_kinds = {ActionKind::outcome, ActionKind::later, ActionKind::page};
constexpr std::string_view k_link_separator = " · ";

// "(" and ")" percent-encoded, so a URL cannot end a Markdown link early.
std::string without_parentheses(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  for (char c : url) out += c == '(' ? "%28" : c == ')' ? "%29" : std::string(1, c);
  return out;
}

// Which links of `rows` fit in `max_chars`, pages first, each counted with a
// separator: one flag per link, row by row.
std::vector<std::vector<bool>> links_that_fit(const std::vector<ActionRow>& rows,
                                              const std::vector<std::vector<std::string>>& links,
                                              std::size_t max_chars) {
  std::vector<std::vector<bool>> kept;
  for (const auto& row : links) kept.emplace_back(row.size(), false);
  std::size_t used = 0;
  for (const bool pages : {true, false}) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
      if ((rows[r].kind == ActionKind::page) != pages) continue;
      for (std::size_t i = 0; i < links[r].size(); ++i) {
        const std::size_t cost = count_chars(links[r][i]) + count_chars(k_link_separator);
        if (used + cost > max_chars) continue;
        used += cost;
        kept[r][i] = true;
      }
    }
  }
  return kept;
}

}  // namespace

bool is_action_link(std::string_view url) {
  if (!is_web_link(url)) return false;
  auto parts = parse_url(url);
  if (!parts) return false;
  return parts->scheme == "https" || (parts->scheme == "http" && is_loopback_host(parts->host));
}

ActionKind action_kind(std::string_view name) {
  if (name == "touched" || name == "replied" || name == "meeting" || name == "no-answer") return ActionKind::outcome;
  if (name.starts_with("snooze-") || name == "pause") return ActionKind::later;
  return ActionKind::page;
}

std::vector<ActionRow> action_rows(const std::vector<ActionLink>& actions, std::size_t max_per_row) {
  std::vector<ActionRow> rows;
  for (const ActionKind kind : k_kinds) {
    for (const ActionLink& link : actions) {
      if (action_kind(link.name) != kind || !is_action_link(link.url)) continue;
      if (rows.empty() || rows.back().kind != kind || rows.back().links.size() == max_per_row) {
        rows.push_back({kind, {}});
      }
      rows.back().links.push_back(link);
    }
  }
  return rows;
}

std::string markdown_link(std::string_view label, std::string_view url) {
  return "[" + without_channel_mentions(markdown_escape(single_line(label))) + "](" + without_parentheses(url) + ")";
}

std::string markdown_action_lines(const std::vector<ActionRow>& rows, std::size_t max_chars) {
  std::vector<std::vector<std::string>> links;
  for (const ActionRow& row : rows) {
    auto& row_links = links.emplace_back();
    for (const ActionLink& link : row.links) row_links.push_back(markdown_link(link.label, link.url));
  }
  const auto kept = links_that_fit(rows, links, max_chars);
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t i = 0; i < links[r].size(); ++i) {
      if (!kept[r][i]) continue;
      if (!line.empty()) line += k_link_separator;
      line += links[r][i];
    }
    if (!line.empty()) out += line + "\n";
  }
  return out;
}

}  // namespace touchbase

#pragma once
// The one-click links of a reminder (ReminderMessage::actions) as every
// channel shows them: in rows, the outcomes first, then the snoozes and the
// pause, then the pages. Only links a reader may safely follow are shown.

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "notifiers/notifier.h"

namespace touchbase {

// True for https:// links, and http:// to a loopback host, with no space or
// control character: the links the action listener writes.
bool is_action_link(std::string_view url);

enum class ActionKind {
  outcome,  // touched, replied, meeting, no-answer
  later,    // snooze-…, pause
  page,     // page, today, and any name not known here
};
ActionKind action_kind(std::string_view name);

struct ActionRow {
  ActionKind kind;
  std::vector<ActionLink> links;  // in the message's order, never empty
};

// The actions whose URL is_action_link, grouped by kind in the order above;
// a row longer than `max_per_row` continues in another row of its kind.
// REQUIRES: max_per_row > 0.
std::vector<ActionRow> action_rows(const std::vector<ActionLink>& actions,
                                   std::size_t max_per_row = std::numeric_limits<std::size_t>::max());

// The rows as Markdown, a line each: "[Touched](https://…) · [Replied](…)",
// labels escaped and made inert for mentions, "(" and ")" in URLs
// percent-encoded. Links are kept whole: when they do not all fit in
// `max_chars` code points, the pages are kept first (the contact's page
// offers every outcome), then the others in order, each while it fits.
std::string markdown_action_lines(const std::vector<ActionRow>& rows, std::size_t max_chars);

// "[label](url)" with the escaping above; `url` is assumed a web link.
std::string markdown_link(std::string_view label, std::string_view url);

}  // namespace touchbase

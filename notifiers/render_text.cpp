#include "notifiers/render_text.h"

#include "notifiers/action_links.h"
#include "notifiers/text.h"

namespace touchbase {
namespace {

void add_line(std::string& out, std::string_view label, const std::string& value) {
  if (value.empty()) return;
  out += label;
  out += value;
  out += '\n';
}

// "In one click:", then "  Label: URL" a line each, rows in order.
void add_action_lines(std::string& out, const std::vector<ActionLink>& actions) {
  const auto rows = action_rows(actions);
  if (rows.empty()) return;
  out += k_action_heading;
  out += '\n';
  for (const ActionRow& row : rows) {
    for (const ActionLink& link : row.links) out += "  " + single_line(link.label) + ": " + link.url + "\n";
  }
}

}  // namespace

std::string render_headline(const ReminderMessage& m) {
  if (!m.headline.empty()) return m.headline;
  std::string h = (m.late ? "Late: follow up with " : "Follow up with ") + m.contact_name;
  std::string details = m.company;
  if (!m.stage.empty()) details += (details.empty() ? "" : ", ") + m.stage;
  if (!details.empty()) h += " (" + details + ")";
  return h;
}

std::string render_text(const ReminderMessage& m) {
  std::string out = render_headline(m) + '\n';
  add_line(out, "When:          ", m.due_at);
  add_line(out, "How:           ", m.channel);
  add_line(out, "Why now:       ", m.why);
  add_line(out, "Next step:     ", m.next_step);
  std::string point = m.talking_point;
  if (!m.talking_point_link.empty()) point += " " + m.talking_point_link;
  add_line(out, "Talking point: ", point);
  if (!m.log_command.empty()) add_line(out, "Log it:        ", m.log_command + " " + std::string(k_other_outcomes));
  add_action_lines(out, m.actions);
  return out;
}

}  // namespace touchbase

#include "notifiers/slack_payload.h"

#include "notifiers/action_links.h"
#include "notifiers/render_text.h"
#include "notifiers/text.h"

namespace touchbase {
namespace {

using nlohmann::json;

json mrkdwn(const std::string& text, std::size_t limit) {
  return {{"type", "mrkdwn"}, {"text", truncate_chars(text, limit)}};
}

json section(const std::string& label, const std::string& value) {
  return {{"type", "section"}, {"text", mrkdwn("*" + label + "*\n" + slack_escape(value), k_slack_text_limit)}};
}

json fields(const ReminderMessage& m) {
  json out = json::array();
  const std::pair<const char*, const std::string*> items[] = {
      {"Company", &m.company}, {"Stage", &m.stage}, {"When", &m.due_at}, {"How", &m.channel}};
  for (const auto& [label, value] : items) {
    if (value->empty()) continue;
    out.push_back(mrkdwn(std::string("*") + label + "*\n" + slack_escape(*value), k_slack_field_limit));
  }
  return out;
}

std::string talking_point(const ReminderMessage& m) {
  std::string text = slack_escape(m.talking_point);
  if (is_web_link(m.talking_point_link)) {
    std::string url = slack_escape(m.talking_point_link);
    for (auto pos = url.find('|'); pos != std::string::npos; pos = url.find('|', pos)) url.replace(pos, 1, "%7C");
    text += " <" + url + "|link>";
  } else if (!m.talking_point_link.empty()) {
    text += " " + slack_escape(m.talking_point_link);
  }
  return text;
}

json button(const ActionLink& link) {
  return {{"type", "button"},
          {"text",
           {{"type", "plain_text"},
            {"text", truncate_chars(single_line(link.label), k_slack_button_text_limit)},
            {"emoji", false}}},
          {"url", link.url},
          {"action_id", truncate_chars(link.name, k_slack_action_id_limit)}};
}

// An actions block per row; links longer than a button takes are left out.
void add_action_blocks(json& blocks, const std::vector<ActionLink>& actions) {
  for (const ActionRow& row : action_rows(actions, k_slack_actions_per_block)) {
    json elements = json::array();
    for (const ActionLink& link : row.links) {
      if (count_chars(link.url) <= k_slack_button_url_limit) elements.push_back(button(link));
    }
    if (!elements.empty() && blocks.size() < k_slack_max_blocks)
      blocks.push_back({{"type", "actions"}, {"elements", elements}});
  }
}

}  // namespace

json slack_payload(const ReminderMessage& m) {
  json blocks = json::array();
  blocks.push_back({{"type", "header"},
                    {"text",
                     {{"type", "plain_text"},
                      {"text", truncate_chars(single_line(render_headline(m)), k_slack_header_limit)},
                      {"emoji", false}}}});
  if (json f = fields(m); !f.empty()) blocks.push_back({{"type", "section"}, {"fields", f}});
  if (!m.why.empty()) blocks.push_back(section("Why now", m.why));
  if (!m.talking_point.empty()) {
    blocks.push_back(
        {{"type", "section"}, {"text", mrkdwn("*Talking point*\n" + talking_point(m), k_slack_text_limit)}});
  }
  if (!m.next_step.empty()) blocks.push_back(section("Next step", m.next_step));
  if (!m.log_command.empty()) {
    blocks.push_back({{"type", "context"},
                      {"elements", json::array({mrkdwn("Log it: `" + slack_escape(m.log_command) + "` " +
                                                           slack_escape(k_other_outcomes),
                                                       k_slack_text_limit)})}});
  }
  add_action_blocks(blocks, m.actions);
  return {{"text", truncate_chars(slack_escape(render_headline(m)), k_slack_text_limit)}, {"blocks", blocks}};
}

}  // namespace touchbase

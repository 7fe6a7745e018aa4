#include "notifiers/teams_payload.h"

#include "notifiers/action_links.h"
#include "notifiers/render_text.h"
#include "notifiers/text.h"

namespace touchbase {
namespace {

using nlohmann::json;

json text_block(const std::string& text) {
  return {{"type", "TextBlock"}, {"text", text}, {"wrap", true}};
}

json facts(const ReminderMessage& m) {
  json out = json::array();
  const std::pair<const char*, const std::string*> items[] = {{"Company", &m.company},
                                                              {"Stage", &m.stage},
                                                              {"When", &m.due_at},
                                                              {"How", &m.channel},
                                                              {"Next step", &m.next_step}};
  for (const auto& [title, value] : items) {
    if (!value->empty()) out.push_back({{"title", title}, {"value", markdown_escape(*value)}});
  }
  return out;
}

json action_set(const ActionRow& row) {
  json actions = json::array();
  for (const ActionLink& link : row.links) {
    actions.push_back({{"type", "Action.OpenUrl"}, {"title", single_line(link.label)}, {"url", link.url}});
  }
  return {{"type", "ActionSet"}, {"actions", actions}};
}

json card_body(const ReminderMessage& m) {
  json body = json::array();
  json headline = text_block(markdown_escape(single_line(render_headline(m))));
  headline["weight"] = "Bolder";
  headline["size"] = "Medium";
  body.push_back(headline);
  if (json f = facts(m); !f.empty()) body.push_back({{"type", "FactSet"}, {"facts", f}});
  if (!m.why.empty()) body.push_back(text_block("**Why now:** " + markdown_escape(m.why)));
  if (!m.talking_point.empty()) body.push_back(text_block("**Talking point:** " + markdown_escape(m.talking_point)));
  if (!m.log_command.empty()) {
    json log = text_block(m.log_command);
    log["fontType"] = "Monospace";
    log["isSubtle"] = true;
    body.push_back(text_block("**Log it:**"));
    body.push_back(log);
    body.push_back(text_block(markdown_escape(k_other_outcomes)));
  }
  for (const ActionRow& row : action_rows(m.actions, k_teams_actions_per_set)) body.push_back(action_set(row));
  return body;
}

}  // namespace

json teams_payload(const ReminderMessage& m) {
  json card = {
      {"$schema", "http://adaptivecards.io/schemas/adaptive-card.json"},
      {"type", "AdaptiveCard"},
      {"version", k_adaptive_card_version},
      {"body", card_body(m)},
  };
  if (is_web_link(m.talking_point_link)) {
    card["actions"] =
        json::array({{{"type", "Action.OpenUrl"}, {"title", "Open the talking point"}, {"url", m.talking_point_link}}});
  }
  return {
      {"type", "message"},
      {"attachments",
       json::array(
           {{{"contentType", "application/vnd.microsoft.card.adaptive"}, {"contentUrl", nullptr}, {"content", card}}})},
  };
}

}  // namespace touchbase

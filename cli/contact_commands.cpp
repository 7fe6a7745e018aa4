// touchbase contact add|edit|list|show|remove
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/contact_args.h"
#include "core/clock.h"
#include "exchange/contact_json.h"
#include "service/wakeup.h"

namespace touchbase {
namespace {

// The flags `add` and `edit` share: --name, --email, ... each maps to the
// CSV column of the same meaning, so both are checked by the same rules.
struct ContactFlags {
  std::string id;
  std::map<std::string, std::string> values;  // column -> text
  std::map<std::string, CLI::Option*> options;

  void add_to(CLI::App& cmd) {
    const std::pair<const char*, const char*> flags[] = {
        {"name", "Full name"},
        {"email", "Email address"},
        {"phone", "Phone number"},
        {"company", "Company"},
        {"title", "Job title"},
        {"owner", "The salesperson who owns the contact (default: [defaults] owner)"},
        {"timezone", "IANA time zone, e.g. Europe/Berlin (default: [defaults] timezone)"},
        {"region", "Where the contact is, for its holidays: ISO 3166-2, e.g. DE-BE or US (default: none)"},
        {"window", "When the contact likes to be reached, e.g. \"mon-fri 16:00-17:30\""},
        {"cadence", "Cadence name (default: [defaults] cadence)"},
        {"stage", "Pipeline stage, e.g. discovery"},
        {"tags", "Tags, comma-separated"},
        {"value", "Deal value"},
        {"last_touch", "When you last spoke, RFC 3339"},
        {"notes", "Free notes"},
    };
    for (auto [column, help] : flags) {
      std::string flag = "--" + std::string(column);
      std::replace(flag.begin(), flag.end(), '_', '-');
      options[column] = cmd.add_option(flag, values[column], help);
    }
  }

  Status apply(Contact& c, const ImportRules& rules) const {
    for (const auto& [column, option] : options) {
      if (option->count() == 0) continue;
      if (auto s = set_contact_field(c, column, values.at(column), rules); !s) {
        std::string flag = "--" + column;
        std::replace(flag.begin(), flag.end(), '_', '-');
        return Error::data(flag + ": " + s.error().message);
      }
    }
    return {};
  }
};

Status add_contact(const Cli& cli, const ContactFlags& flags) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(auto store, open_command_store(config));
  Contact c;
  c.id = flags.id;
  TB_TRY_STATUS(flags.apply(c, import_rules(config)));
  TB_TRY_STATUS(store->add_contact(c));
  wake_daemon(config.daemon.database);
  std::cout << "added " << c.id << "\n";
  return {};
}

Status edit_contact(const Cli& cli, const ContactFlags& flags) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(auto store, open_command_store(config));
  TB_TRY(Contact found, find_named_contact(*store, flags.id));
  TB_TRY_STATUS(flags.apply(found, import_rules(config)));
  TB_TRY_STATUS(store->update_contact(found));
  wake_daemon(config.daemon.database);
  std::cout << "updated " << found.id << "\n";
  return {};
}

Status list_contacts(const Cli& cli, bool json) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(auto store, open_command_store(config));
  TB_TRY(auto contacts, store->list_contacts());
  if (json) {
    std::string out;
    JsonLine line;
    for (const Contact& c : contacts) {
      add_contact(line, c);
      line.end(out);
    }
    std::cout << out;
    return {};
  }
  std::cout << fmt::format("{:<16} {:<24} {:<20} {:<10} {:<12} {}\n", "ID", "NAME", "COMPANY", "OWNER", "STAGE",
                           "STATUS");
  for (const Contact& c : contacts) {
    std::cout << fmt::format("{:<16} {:<24} {:<20} {:<10} {:<12} {}\n", c.id, c.name, c.company,
                             c.owner.empty() ? config.defaults.owner : c.owner, c.stage, to_string(c.status));
  }
  return {};
}

Status show_contact(const Cli& cli, const std::string& id, bool json) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(auto store, open_command_store(config));
  TB_TRY(Contact found, find_named_contact(*store, id));
  TB_TRY(auto touches, store->touches(found.id));
  if (json) {
    JsonLine line;
    add_contact(line, found);
    std::string array;
    for (const Touch& t : touches) array += (array.empty() ? "[" : ",") + touch_json(t);
    line.add_json("touches", array.empty() ? "[]" : array + "]");
    std::string out;
    line.end(out);
    std::cout << out;
    return {};
  }
  for (const ContactField& f : contact_fields(found)) {
    std::cout << fmt::format("{:<15} {}\n", std::string(f.key) + ":", f.is_text ? f.text : f.json);
  }
  std::cout << "touches:\n";
  for (const Touch& t : touches) {
    auto source = t.source == TouchSource::cli ? "" : " (" + std::string(to_string(t.source)) + ")";
    std::cout << "  " << format_rfc3339(t.at) << " " << to_string(t.outcome) << source
              << (t.note.empty() ? "" : " " + t.note) << "\n";
  }
  return {};
}

// Deletes the contact with this exact id (removed earlier or not), else the
// one `name` names, with its touches and reminders.
Result<std::string> purge(Store& store, const std::string& name) {
  auto by_id = store.remove_contact(name);
  if (by_id) return name;
  if (by_id.error().code != Errc::no_input) return std::move(by_id).error();
  TB_TRY(Contact found, find_named_contact(store, name));
  TB_TRY_STATUS(store.remove_contact(found.id));
  return found.id;
}

// Without `purge_all`, the contact leaves lists and plans and its history
// stays; with it, the contact and its history are deleted.
Status remove_contact(const Cli& cli, const std::string& name, bool purge_all) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(auto store, open_command_store(config));
  if (purge_all) {
    TB_TRY(std::string id, purge(*store, name));
    std::cout << "purged " << id << ": the contact, its touches and its reminders are deleted\n";
  } else {
    TB_TRY(Contact found, find_named_contact(*store, name));
    TB_TRY_STATUS(store->mark_contact_removed(found.id, cli.clock.now()));
    std::cout << "removed " << found.name << " (" << found.id << "); its touches and reminders are kept "
              << "('touchbase contact remove --purge " << found.id << "' deletes them)\n";
  }
  wake_daemon(config.daemon.database);
  return {};
}

}  // namespace

void add_contact_commands(CLI::App& app, Cli& cli) {
  auto* contact = app.add_subcommand("contact", "Add, edit, list, show and remove contacts");
  contact->require_subcommand(1);

  auto add_flags = std::make_shared<ContactFlags>();
  auto* add = contact->add_subcommand("add", "Add a contact");
  add->add_option("id", add_flags->id, "A unique id for the contact")->required();
  add_flags->add_to(*add);
  add_flags->options["name"]->required();
  add->callback([&cli, add_flags] { cli.action = [&cli, add_flags] { return add_contact(cli, *add_flags); }; });

  auto edit_flags = std::make_shared<ContactFlags>();
  auto* edit = contact->add_subcommand("edit", "Change a contact's fields (only the flags given)");
  edit->add_option("contact", edit_flags->id, "The contact: id, email, or a unique part of the name")->required();
  edit_flags->add_to(*edit);
  edit->callback([&cli, edit_flags] { cli.action = [&cli, edit_flags] { return edit_contact(cli, *edit_flags); }; });

  auto list_json = std::make_shared<bool>(false);
  auto* list = contact->add_subcommand("list", "List every contact");
  list->add_flag("--json", *list_json, "One JSON object per line");
  list->callback([&cli, list_json] { cli.action = [&cli, list_json] { return list_contacts(cli, *list_json); }; });

  auto show_id = std::make_shared<std::string>();
  auto show_json = std::make_shared<bool>(false);
  auto* show = contact->add_subcommand("show", "Show one contact and its touches");
  show->add_option("contact", *show_id, "The contact: id, email, or a unique part of the name")->required();
  show->add_flag("--json", *show_json, "As one JSON object");
  show->callback([&cli, show_id, show_json] {
    cli.action = [&cli, show_id, show_json] { return show_contact(cli, *show_id, *show_json); };
  });

  auto remove_name = std::make_shared<std::string>();
  auto remove_purge = std::make_shared<bool>(false);
  auto* remove = contact->add_subcommand("remove", "Remove a contact from lists and plans, keeping its history");
  remove->add_option("contact", *remove_name, "The contact: id, email, or a unique part of the name")->required();
  remove->add_flag("--purge", *remove_purge, "Delete the contact with its touches and reminders, for good");
  remove->callback([&cli, remove_name, remove_purge] {
    cli.action = [&cli, remove_name, remove_purge] { return remove_contact(cli, *remove_name, *remove_purge); };
  });
}

}  // namespace touchbase

// touchbase export [--format csv|json] [--output FILE]
#include <iostream>

#include "cli/commands.h"
#include "cli/file_output.h"
#include "exchange/contact_export.h"

namespace touchbase {
namespace {

struct ExportArgs {
  std::string format = "csv";
  std::string output;
};

Status export_contacts(const Cli& cli, const ExportArgs& args) {
  if (args.format != "csv" && args.format != "json") {
    return Error::data("--format: '" + args.format + "' is not a format: expected csv or json");
  }
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(auto store, open_command_store(config));
  TB_TRY(auto contacts, store->list_contacts());
  std::string text = args.format == "csv" ? export_csv(contacts) : export_json_lines(contacts);
  if (args.output.empty()) {
    std::cout << text;
    return {};
  }
  TB_TRY_STATUS(replace_file(args.output, text));
  std::cerr << args.output << ": exported " << contacts.size() << " contacts\n";
  return {};
}

}  // namespace

void add_export_command(CLI::App& app, Cli& cli) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand("export", "Write every contact with its state; touchbase import reads it back");
  cmd->add_option("--format", args->format, "csv (default) or json (one object per line)");
  cmd->add_option("--output,-o", args->output, "Write to this file (default: standard output)");
  cmd->callback([&cli, args] {
    if (args->output.empty()) cli.stdout_use = StdoutUse::data;
    cli.action = [&cli, args] { return export_contacts(cli, *args); };
  });
}

}  // namespace touchbase

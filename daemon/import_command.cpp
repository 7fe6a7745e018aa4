// touchbase import FILE.csv [--dry-run]
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "daemon/commands.h"

namespace touchbase {
namespace {

Result<std::string> read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::no_input("cannot open " + path + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error::io("cannot read " + path);
  return text.str();
}

Status import_file(const Cli& cli, const std::string& path, bool dry_run) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(std::string csv, read_whole_file(path));
  ImportResult result = import_contacts(csv, import_rules(config));
  if (!result.errors.empty()) {
    std::string message = path + ": nothing imported; fix these rows and run the import again:";
    for (const auto& e : result.errors) message += "\n  " + path + ": " + e;
    return Error::data(message);
  }
  if (dry_run) {
    std::cout << path << ": " << result.contacts.size() << " contacts are valid; nothing written (--dry-run)\n";
    return {};
  }
  TB_TRY(auto store, open_store(config));
  TB_TRY_STATUS(store->upsert_contacts(result.contacts));
  std::cout << path << ": imported " << result.contacts.size() << " contacts\n";
  return {};
}

}  // namespace

void add_import_command(CLI::App& app, Cli& cli) {
  struct Args {
    std::string path;
    bool dry_run = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("import", "Import contacts from a CSV file (all rows or none)");
  cmd->add_option("file", args->path,
                  "CSV with a header row: id,name,email,phone,company,title,owner,timezone,"
                  "window,cadence,stage,tags,value,last_touch,notes")
      ->required();
  cmd->add_flag("--dry-run", args->dry_run, "Check the file and report; write nothing");
  cmd->callback([&cli, args] { cli.action = [&cli, args] { return import_file(cli, args->path, args->dry_run); }; });
}

}  // namespace touchbase

// touchbase import FILE [--map SPEC] [--format csv|json] [--dry-run]
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "exchange/contact_json.h"
#include "exchange/json_records.h"
#include "exchange/text_encoding.h"
#include "service/wakeup.h"

namespace touchbase {
namespace {

struct ImportArgs {
  std::string path;
  std::string map;
  std::string format;
  std::string encoding;
  bool dry_run = false;
};

Result<std::string> read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::no_input("cannot open " + path + ": " + std::strerror(errno));
  std::string text;
  std::error_code size_error;
  if (auto size = std::filesystem::file_size(path, size_error); !size_error) text.reserve(size);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) text.append(buffer, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return Error::io("cannot read " + path);
  return text;
}

// csv or json: the --format given, else by the file's extension.
Result<std::string> format_of(const ImportArgs& args) {
  if (args.format.empty()) {
    auto ext = std::filesystem::path(args.path).extension().string();
    return std::string(ext == ".json" || ext == ".jsonl" || ext == ".ndjson" ? "json" : "csv");
  }
  if (args.format == "csv" || args.format == "json") return args.format;
  return Error::data("--format: '" + args.format + "' is not a format: expected csv or json");
}

Result<std::vector<CsvRecord>> read_records(const ImportArgs& args) {
  TB_TRY(std::string format, format_of(args));
  TB_TRY(std::string text, read_whole_file(args.path));
  if (!args.encoding.empty()) {
    auto converted = to_utf8(text, args.encoding);
    if (!converted)
      return Error(converted.error().code, args.path + ": nothing imported: " + converted.error().message);
    text = std::move(converted).value();
  }
  auto records = format == "json" ? read_json_records(text) : read_csv(text);
  if (!records) return Error::data(args.path + ": nothing imported: " + records.error().message);
  if (format == "csv") remove_formula_guards(*records);
  return records;
}

// The stored contacts, or none when there is no database yet (a dry run creates none).
Result<std::vector<Contact>> stored_contacts(const Config& config, bool dry_run) {
  if (dry_run && !std::filesystem::exists(config.daemon.database)) return std::vector<Contact>();
  TB_TRY(auto store, open_command_store(config));
  return store->list_contacts();
}

// Counts by kind; with `lines`, also "row 3: update bob: stage: 'discovery' -> 'proposal'", one line per contact.
void describe(const ImportResult& result, const std::vector<Contact>& existing, std::map<std::string, int>& n,
              std::string* lines) {
  std::map<std::string_view, const Contact*> by_id;
  for (const Contact& c : existing) by_id.emplace(c.id, &c);
  int added = 0;
  for (std::size_t i = 0; i < result.contacts.size(); ++i) {
    const Contact& c = result.contacts[i];
    auto it = by_id.find(c.id);
    if (it == by_id.end()) {
      ++added;
      if (lines) *lines += "  row " + std::to_string(result.rows[i]) + ": add " + c.id + " (" + c.name + ")\n";
      continue;
    }
    std::string line = "  row " + std::to_string(result.rows[i]) + ": ";
    if (auto changes = describe_changes(*it->second, c); changes.empty()) {
      ++n["unchanged"];
      line += c.id + " unchanged";
    } else {
      ++n["updated"];
      line += "update " + c.id + ":";
      for (const auto& change : changes) line += " " + change + ";";
      line.pop_back();
    }
    if (lines) *lines += line + "\n";
  }
  n["added"] += added;
}

std::string counts(std::map<std::string, int>& n) {
  return std::to_string(n["added"]) + " added, " + std::to_string(n["updated"]) + " updated, " +
         std::to_string(n["unchanged"]) + " unchanged";
}

Error refused(const ImportArgs& args, const ImportResult& result) {
  std::string message = args.path + ": nothing imported; fix these rows and run the import again:";
  for (const auto& e : result.errors) message += "\n  " + args.path + ": " + e;
  return Error::data(message);
}

Status dry_run(const Config& config, const ImportArgs& args, ImportOptions options,
               const std::vector<CsvRecord>& records) {
  TB_TRY(auto existing, stored_contacts(config, true));
  options.existing = existing;
  ImportResult result = import_records(records, options);
  if (!result.errors.empty()) return refused(args, result);
  std::map<std::string, int> n;
  std::string changes;
  describe(result, existing, n, &changes);
  std::cout << args.path << ": " << result.contacts.size() << " contacts are valid (" << counts(n)
            << "); nothing written (--dry-run)\n"
            << changes;
  return {};
}

// The contacts are read, merged with the file and written in one write
// transaction: a change made meanwhile (a pause, a logged touch, the daemon's
// cadence switch) is never reverted, and only the file's columns change.
Status import_file(const Cli& cli, const ImportArgs& args) {
  TB_TRY(Config config, load_validated_config(cli));
  ImportOptions options;
  options.rules = import_rules(config);
  if (!args.map.empty()) {
    TB_TRY(options.map, parse_column_map(args.map));
  }
  TB_TRY(auto records, read_records(args));
  if (args.dry_run) return dry_run(config, args, std::move(options), records);
  TB_TRY(auto store, open_command_store(config));
  std::map<std::string, int> n;
  std::size_t imported = 0;
  TB_TRY_STATUS(store->in_one_transaction(
      [&]() -> Status {
        TB_TRY(auto existing, store->list_contacts());
        options.existing = existing;
        ImportResult result = import_records(records, options);
        if (!result.errors.empty()) return refused(args, result);
        describe(result, existing, n, nullptr);
        imported = result.contacts.size();
        return store->upsert_contacts(result.contacts);
      },
      Store::Inner::all_or_nothing));
  wake_daemon(config.daemon.database);
  std::cout << args.path << ": imported " << imported << " contacts (" << counts(n) << ")\n";
  return {};
}

}  // namespace

void add_import_command(CLI::App& app, Cli& cli) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = app.add_subcommand("import", "Import contacts from a CSV or JSON file (all rows or none)");
  cmd->add_option("file", args->path,
                  "CSV with a header row: id,name,email,phone,company,title,owner,timezone,"
                  "window,cadence,stage,tags,value,last_touch,notes (or touchbase export's output)")
      ->required();
  cmd->add_option("--map", args->map,
                  "Another tool's headers to touchbase columns: 'Email Address=email,First Name=name,"
                  "Last Name=name,Lead Status='");
  cmd->add_option("--format", args->format, "csv or json (default: json for .json/.jsonl files, else csv)");
  cmd->add_option("--encoding", args->encoding,
                  "The file's encoding when it is not UTF-8, e.g. windows-1252 (CRM exports from Windows)");
  cmd->add_flag("--dry-run", args->dry_run, "Check the file and show what would change; write nothing");
  cmd->callback([&cli, args] { cli.action = [&cli, args] { return import_file(cli, *args); }; });
}

}  // namespace touchbase

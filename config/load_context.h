#pragma once
// State shared by the section readers during one load of one file: where
// errors go, the directory relative paths start from, the file's text (for
// positions inside a string value), the references between sections
// that can only be checked once every section has been read, and the errors
// found in the other files the config names (holiday calendars).

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/diagnostics.h"
#include "config/toml_reader.h"

namespace touchbase::config_detail {

// A name that must be defined in another section: defaults.owner -> [owners.X].
struct Reference {
  enum class Target { owner, notifier, cadence };
  Target target;
  std::string name;
  std::string key;
  Place at;
  std::vector<std::string> also_valid;  // words accepted besides the names: "dormant", "pause"
};

struct LoadContext {
  Diagnostics& diag;
  std::filesystem::path base_dir;  // absolute directory of the config file
  std::vector<Reference> references;
  std::string_view source;                     // the file's whole text; it outlives the load
  std::vector<ConfigError> other_file_errors;  // each with its own file

  void refer(Reference::Target target, const Value& where, std::string name, std::vector<std::string> also_valid = {}) {
    references.push_back({target, std::move(name), where.key(), where.place(), std::move(also_valid)});
  }
};

// Where each talking point id was first defined, across the config file and
// the files of talking_points_dir.
struct PointDefinition {
  std::string file;
  int line = 0;
};
using TalkingPointIds = std::map<std::string, PointDefinition, std::less<>>;

}  // namespace touchbase::config_detail

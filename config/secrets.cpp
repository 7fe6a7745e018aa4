#include "config/secrets.h"

#include <algorithm>
#include <tuple>
#include <vector>

#include "config/paths.h"

namespace touchbase::config_detail {
namespace {

enum class Way { inline_value, file, env };

struct Given {
  Way way;
  std::string_view name;
  Value value;
};

std::optional<Secret> from_file(const Value& v, std::string_view what, const LoadContext& ctx) {
  auto text = v.non_empty_string("a file path");
  if (!text) return std::nullopt;
  auto expanded = expand_variables(*text);
  if (!expanded) {
    v.error(expanded.error().message);
    return std::nullopt;
  }
  auto path = resolve_path(*expanded, ctx.base_dir);
  auto content = read_small_file(path, k_max_secret_file_bytes);
  if (!content) {
    v.error(content.error().message);
    return std::nullopt;
  }
  if (content->empty()) {
    v.error("'" + path.string() + "' is empty: expected " + std::string(what));
    return std::nullopt;
  }
  return Secret{std::move(content).value(), v, " (read from " + path.string() + ")"};
}

std::optional<Secret> from_env(const Value& v) {
  auto name = v.non_empty_string("an environment variable name");
  if (!name) return std::nullopt;
  auto value = environment_variable(*name);
  if (!value || value->empty()) {
    v.error("environment variable " + *name + (value ? " is empty" : " is not set"));
    return std::nullopt;
  }
  return Secret{std::move(*value), v, " (from $" + *name + ")"};
}

}  // namespace

SecretRead read_secret(const TableReader& table, const SecretKeys& keys, const LoadContext& ctx) {
  std::vector<Given> given;
  for (auto [way, name] :
       {std::pair{Way::inline_value, keys.inline_key}, {Way::file, keys.file_key}, {Way::env, keys.env_key}}) {
    if (!name.empty() && table.has(name)) given.push_back({way, name, table.get(name)});
  }
  if (given.empty()) return {};
  std::stable_sort(given.begin(), given.end(), [](const Given& a, const Given& b) {
    return std::tuple(a.value.place().line, a.value.place().column) <
           std::tuple(b.value.place().line, b.value.place().column);
  });
  if (given.size() > 1) {
    given[1].value.error(std::string(keys.what) + " is given both by " + std::string(given[0].name) + " and by " +
                         std::string(given[1].name) + ": give it only one way");
    return {true, std::nullopt};
  }
  const Given& g = given.front();
  switch (g.way) {
    case Way::inline_value: {
      auto s = g.value.non_empty_string();
      if (!s) return {true, std::nullopt};
      return {true, Secret{std::move(*s), g.value, ""}};
    }
    case Way::file: return {true, from_file(g.value, keys.what, ctx)};
    case Way::env: return {true, from_env(g.value)};
  }
  return {true, std::nullopt};
}

void require_secret(const TableReader& table, const SecretKeys& keys, const SecretRead& read) {
  if (read.given) return;
  std::string ways = keys.inline_key.empty() ? std::string(keys.file_key) + " or " + std::string(keys.env_key)
                                             : std::string(keys.inline_key) + ", " + std::string(keys.file_key) +
                                                   " or " + std::string(keys.env_key);
  std::string_view main_key = keys.inline_key.empty() ? keys.file_key : keys.inline_key;
  table.diag().error(table.place(), join_key(table.path(), main_key),
                     "missing required key: give " + std::string(keys.what) + " as " + ways);
}

// An inline password or secret would end up in backups and logs of the file.
void reject_inline_secrets(TableReader& t, std::span<const std::string_view> keys) {
  for (auto k : keys) {
    if (!t.has(k)) continue;
    const toml::key& key = t.table().find(k)->first;
    std::string name(k);
    t.diag().error(
        place_of(key.source()), join_key(t.path(), k),
        "an inline " + name + " is not allowed: put it in a file and use " + name + "_file, or use " + name + "_env");
    t.handled(k);
  }
}

}  // namespace touchbase::config_detail

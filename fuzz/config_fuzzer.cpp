// touchbase.toml as anyone may write it: the loader answers a config or a
// list of errors, each with a message and a position inside the file, and
// never crashes.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/load_config.h"
#include "core/utf8.h"
#include "fuzz/fuzz_check.h"

using touchbase::fuzz::check;

namespace {

// Any instant: it only sets the years holiday calendars are read for.
const touchbase::Instant k_load_time{touchbase::Seconds{1'795'000'000}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = touchbase::load_config_text(text, "fuzz.toml", k_load_time);
  if (result) {
    check(!touchbase::summarize(result.value()).empty(), "a valid config has a summary");
    return 0;
  }
  check(!result.error().empty(), "a refused config names at least one error");
  for (const auto& error : result.error()) {
    check(!error.message.empty(), "every error says what is wrong");
    check(error.line >= 0 && error.column >= 0, "positions are not negative");
    check(!error.to_string().empty(), "every error prints");
  }
  return 0;
}

#include "fuzz/fuzz_check.h"

#include <cstdio>
#include <cstdlib>

namespace touchbase::fuzz {

void check(bool ok, std::string_view what) {
  if (ok) return;
  std::fprintf(stderr, "broken promise: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

}  // namespace touchbase::fuzz

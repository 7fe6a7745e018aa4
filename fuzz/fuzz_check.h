#pragma once
// What a fuzzer does when a promise is broken: prints what and aborts, so
// libFuzzer keeps the input that broke it.

#include <string_view>

namespace touchbase::fuzz {

// Aborts with `what` when `ok` is false.
void check(bool ok, std::string_view what);

}  // namespace touchbase::fuzz

#pragma once
// The whole command line: every subcommand registered, the one chosen run,
// an error turned into one message on stderr and a sysexits code. What it
// prints is printable (cli/printable_output.h), but for data on standard
// output (`export` without --output). main()
// calls it with the system clock; tests call it in-process with a FakeClock.

#include "core/clock.h"

namespace touchbase {

// Parses `argv`, runs the subcommand at `clock`'s now, and returns the exit
// code (0, 64 for usage errors, else exit_code() of the error).
int run_command_line(int argc, const char* const* argv, const Clock& clock);

}  // namespace touchbase

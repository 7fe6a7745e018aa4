// touchbase: follow-up reminders that are never pushy.

#include "cli/command_line.h"

int main(int argc, char** argv) {
  const touchbase::SystemClock clock;
  return touchbase::run_command_line(argc, argv, clock);
}

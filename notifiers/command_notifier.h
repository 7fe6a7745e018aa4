#pragma once
// Runs a program for each reminder, without a shell: argv as configured
// (argv[0] searched on PATH when it has no '/'), the reminder as one JSON
// object (reminder_json()) on stdin, stdout discarded, the start of stderr kept
// for the failure message. The child gets its own process group, default
// signal dispositions, no other inherited descriptors, and a small
// environment: PATH, HOME, LANG, LC_ALL, LC_CTYPE, TZ, USER, LOGNAME, TMPDIR
// from the daemon's (never the secrets it may hold) plus
// TOUCHBASE_IDEMPOTENCY_KEY.
//
// Outcome:
//   exit 0                     delivered
//   exit 75 (EX_TEMPFAIL)      transient: "try again later"
//   any other exit code        permanent
//   killed by a signal         transient
//   still running at timeout   the process group is killed; transient
//   cannot be started          permanent (ENOENT, EACCES, ...) or transient (EAGAIN, ENOMEM)
//
// Nothing blocks the io_context: stdin is written and stderr read with
// async operations (stdin is a socket pair, so a child that exits without
// reading cannot raise SIGPIPE in the daemon), and the child's exit is
// awaited through a pidfd (Linux 5.3 and later) that becomes readable when
// the child exits. Done is called on the io_context.

#include <chrono>
#include <string>
#include <vector>

#include "notifiers/asio.h"
#include "notifiers/notifier.h"

namespace touchbase {

inline constexpr std::chrono::milliseconds k_default_command_timeout = std::chrono::seconds(30);
inline constexpr int k_exit_temporary_failure = 75;  // EX_TEMPFAIL
// How much of the child's stderr a failure message quotes.
inline constexpr std::size_t k_max_stderr_in_message = 300;

class CommandNotifier final : public Notifier {
 public:
  // REQUIRES: `argv` is not empty. `io` must outlive the deliveries.
  CommandNotifier(std::vector<std::string> argv, boost::asio::io_context& io,
                  std::chrono::milliseconds timeout = k_default_command_timeout);

  // Call on the io_context's thread.
  void deliver(const ReminderMessage& message, Done done) override;

 private:
  std::vector<std::string> argv_;
  boost::asio::io_context& io_;
  std::chrono::milliseconds timeout_;
};

}  // namespace touchbase

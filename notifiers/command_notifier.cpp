#include "notifiers/command_notifier.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <memory>
#include <optional>

#include "notifiers/reminder_json.h"
#include "notifiers/spawn.h"
#include "notifiers/text.h"

namespace touchbase {
namespace {

namespace asio = boost::asio;
using LocalSocket = asio::local::stream_protocol::socket;

// Bytes of the child's stderr kept (the message quotes the first characters).
constexpr std::size_t k_max_stderr_kept = 4 * k_max_stderr_in_message;

int open_pidfd(pid_t pid) {
  return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
}

// One run of the program for one reminder. Kept alive by its pending
// handlers; calls done once, when the child has exited.
class CommandRun : public std::enable_shared_from_this<CommandRun> {
 public:
  CommandRun(asio::io_context& io, std::string program, std::string input, Notifier::Done done)
      : io_(io),
        program_(std::move(program)),
        input_(std::move(input)),
        done_(std::move(done)),
        stdin_(io),
        child_stdin_(io),
        stderr_(io),
        exit_watch_(io),
        timer_(io) {}

  void start(const std::vector<std::string>& argv, const std::vector<std::string>& env,
             std::chrono::milliseconds timeout) {
    int stderr_pipe[2];
    boost::system::error_code ec;
    asio::local::connect_pair(stdin_, child_stdin_, ec);
    if (ec) return fail_to_start(ec.value());
    if (::pipe2(stderr_pipe, O_CLOEXEC) != 0) return fail_to_start(errno);
    stderr_.assign(stderr_pipe[0], ec);
    if (ec) {
      ::close(stderr_pipe[0]);
      ::close(stderr_pipe[1]);
      return fail_to_start(ec.value());
    }
    const SpawnResult spawned = spawn_child(argv, env, child_stdin_.native_handle(), stderr_pipe[1]);
    ::close(stderr_pipe[1]);
    child_stdin_.close(ec);
    if (spawned.pid < 0) return fail_to_start(spawned.error);
    pid_ = spawned.pid;
    if (const int error = watch_exit(); error != 0) {
      kill_group();
      reap();
      return post_finish(DeliveryFailure::transient(program_ + ": cannot watch the process: " + std::strerror(error)));
    }
    write_input();
    read_stderr();
    timer_.expires_after(timeout);
    timer_.async_wait([self = shared_from_this(), timeout](const boost::system::error_code& error) {
      if (!error && !self->exited_) self->on_timeout(timeout);
    });
  }

 private:
  void fail_to_start(int error) {
    std::string message = program_ + ": cannot run: " + std::strerror(error);
    auto failure = (error == EAGAIN || error == ENOMEM || error == EMFILE || error == ENFILE)
                       ? DeliveryFailure::transient(std::move(message))
                       : DeliveryFailure::permanent(std::move(message));
    post_finish(std::move(failure));
  }

  // Done is always called from the io_context, never from within deliver().
  void post_finish(DeliveryFailure failure) {
    asio::post(
        io_, [self = shared_from_this(), failure = std::move(failure)]() mutable { self->finish(std::move(failure)); });
  }

  void write_input() {
    asio::async_write(stdin_, asio::buffer(input_),
                      [self = shared_from_this()](const boost::system::error_code&, std::size_t) {
                        // A child that exits without reading is judged by its exit status alone.
                        boost::system::error_code ignored;
                        self->stdin_.close(ignored);
                      });
  }

  void read_stderr() {
    stderr_.async_read_some(
        asio::buffer(chunk_), [self = shared_from_this()](const boost::system::error_code& ec, std::size_t n) {
          if (ec) return;
          const std::size_t room = k_max_stderr_kept - std::min(self->stderr_text_.size(), k_max_stderr_kept);
          self->stderr_text_.append(self->chunk_.data(), std::min(n, room));
          self->read_stderr();
        });
  }

  // Waits, through a pidfd, for the child to exit. Returns 0 or an errno.
  int watch_exit() {
    const int pidfd = open_pidfd(pid_);
    if (pidfd < 0) return errno;
    boost::system::error_code ec;
    exit_watch_.assign(pidfd, ec);
    if (ec) {
      ::close(pidfd);
      return ec.value();
    }
    exit_watch_.async_wait(asio::posix::stream_descriptor::wait_read,
                           [self = shared_from_this()](const boost::system::error_code& error) {
                             if (error == asio::error::operation_aborted) return;
                             self->on_exit();
                           });
    return 0;
  }

  void on_timeout(std::chrono::milliseconds timeout) {
    timed_out_ = timeout;
    kill_group();  // the exit is then reported through the pidfd as usual
  }

  void kill_group() {
    if (pid_ > 0) ::kill(-pid_, SIGKILL);
  }

  // The child's wait status; nullopt if it was reaped elsewhere.
  std::optional<int> reap() {
    int status = 0;
    pid_t rc = 0;
    while ((rc = ::waitpid(pid_, &status, 0)) < 0 && errno == EINTR) {
    }
    if (rc != pid_) return std::nullopt;
    return status;
  }

  void on_exit() {
    exited_ = true;
    const auto status = reap();  // the pidfd is readable: the child has exited, this does not block
    timer_.cancel();
    drain_stderr();
    finish(outcome(status));
  }

  // Whatever the child wrote to stderr and we have not read yet.
  void drain_stderr() {
    const int fd = stderr_.native_handle();
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    ssize_t n = 0;
    while (stderr_text_.size() < k_max_stderr_kept && (n = ::read(fd, chunk_.data(), chunk_.size())) > 0) {
      stderr_text_.append(chunk_.data(), static_cast<std::size_t>(n));
    }
  }

  DeliveryResult outcome(std::optional<int> wait_status) {
    std::string err = truncate_chars(single_line(stderr_text_), k_max_stderr_in_message);
    while (!err.empty() && err.back() == ' ') err.pop_back();
    const std::string suffix = err.empty() ? "" : ": " + err;
    if (timed_out_) {
      return DeliveryFailure::transient(program_ + ": still running after " + std::to_string(timed_out_->count()) +
                                        " ms; killed" + suffix);
    }
    if (!wait_status) return DeliveryFailure::transient(program_ + ": exit status unknown (reaped elsewhere)");
    const int status = *wait_status;
    if (WIFSIGNALED(status)) {
      return DeliveryFailure::transient(program_ + ": killed by signal " + std::to_string(WTERMSIG(status)) + suffix);
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 0) return {};
    std::string message = program_ + ": exited with status " + std::to_string(code) + suffix;
    if (code == k_exit_temporary_failure) return DeliveryFailure::transient(std::move(message));
    return DeliveryFailure::permanent(std::move(message));
  }

  void finish(DeliveryResult result) {
    boost::system::error_code ignored;
    stdin_.close(ignored);
    stderr_.close(ignored);
    exit_watch_.close(ignored);
    timer_.cancel();
    if (done_) {
      auto done = std::move(done_);
      done_ = nullptr;
      done(std::move(result));
    }
  }

  asio::io_context& io_;
  std::string program_;
  std::string input_;
  Notifier::Done done_;
  LocalSocket stdin_;
  LocalSocket child_stdin_;
  asio::posix::stream_descriptor stderr_;
  asio::posix::stream_descriptor exit_watch_;
  asio::steady_timer timer_;
  std::array<char, 1024> chunk_{};
  std::string stderr_text_;
  pid_t pid_ = -1;
  bool exited_ = false;
  std::optional<std::chrono::milliseconds> timed_out_;
};

}  // namespace

CommandNotifier::CommandNotifier(std::vector<std::string> argv, asio::io_context& io, std::chrono::milliseconds timeout)
    : argv_(std::move(argv)), io_(io), timeout_(timeout) {}

void CommandNotifier::deliver(const ReminderMessage& message, Done done) {
  auto env = inherited_environment();
  env.push_back("TOUCHBASE_IDEMPOTENCY_KEY=" + single_line(message.idempotency_key));
  auto run =
      std::make_shared<CommandRun>(io_, "command " + argv_.front(), reminder_json(message) + "\n", std::move(done));
  run->start(argv_, env, timeout_);
}

}  // namespace touchbase

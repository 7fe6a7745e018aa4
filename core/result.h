#pragma once
// Errors as values. Expected failures (bad input, a busy database, a missing
// file) travel as `Error` inside `Result<T>`; exceptions are kept for bugs and
// are caught at the adapters that wrap third-party libraries.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace touchbase {

// What kind of failure, chosen so that `main` can map it to a sysexits code.
enum class Errc {
  usage,        // EX_USAGE 64: the command line is wrong
  data,         // EX_DATAERR 65: input data (CSV, arguments' values) is wrong
  no_input,     // EX_NOINPUT 66: a file or record does not exist
  unavailable,  // EX_UNAVAILABLE 69: a service (database busy, daemon) is unavailable
  io,           // EX_IOERR 74: reading or writing failed
  tempfail,     // EX_TEMPFAIL 75: taken by another process now; trying later will do (a daemon runs)
  config,       // EX_CONFIG 78: the configuration is invalid
};

struct Error {
  Errc code;
  std::string message;

  static Error usage(std::string m) { return {Errc::usage, std::move(m)}; }
  static Error data(std::string m) { return {Errc::data, std::move(m)}; }
  static Error no_input(std::string m) { return {Errc::no_input, std::move(m)}; }
  static Error unavailable(std::string m) { return {Errc::unavailable, std::move(m)}; }
  static Error io(std::string m) { return {Errc::io, std::move(m)}; }
  static Error tempfail(std::string m) { return {Errc::tempfail, std::move(m)}; }
  static Error config(std::string m) { return {Errc::config, std::move(m)}; }
};

// The sysexits code for an error kind.
int exit_code(Errc code);

// A value or an error. `E` defaults to `Error`; delivery uses its own failure type.
template <class T, class E = Error>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(E error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // REQUIRES: !ok()
  const E& error() const& {
    assert(!ok());
    return std::get<1>(v_);
  }
  E&& error() && {
    assert(!ok());
    return std::get<1>(std::move(v_));
  }

 private:
  std::variant<T, E> v_;
};

// Success carries nothing.
template <class E>
class [[nodiscard]] Result<void, E> {
 public:
  Result() = default;
  Result(E error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  // REQUIRES: !ok()
  const E& error() const& {
    assert(!ok_);
    return error_;
  }
  E&& error() && {
    assert(!ok_);
    return std::move(error_);
  }

 private:
  E error_{};
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace touchbase

// Propagate an error: `TB_TRY(auto x, f());` or `TB_TRY_STATUS(g());`.
#define TB_CONCAT_INNER(a, b) a##b
#define TB_CONCAT(a, b) TB_CONCAT_INNER(a, b)
#define TB_TRY_IMPL(tmp, decl, expr)            \
  auto tmp = (expr);                            \
  if (!tmp.ok()) return std::move(tmp).error(); \
  decl = std::move(tmp).value()
#define TB_TRY(decl, expr) TB_TRY_IMPL(TB_CONCAT(tb_try_, __LINE__), decl, expr)
#define TB_TRY_STATUS(expr)                                     \
  do {                                                          \
    auto tb_status_ = (expr);                                   \
    if (!tb_status_.ok()) return std::move(tb_status_).error(); \
  } while (0)

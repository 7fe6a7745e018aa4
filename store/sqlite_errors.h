#pragma once
// SQLiteCpp reports failure by exception; the store reports it as a value.
// Every call into SQLiteCpp runs inside `guarded`, which does the turning.

#include <SQLiteCpp/Exception.h>

#include <exception>
#include <string>
#include <string_view>

#include "core/result.h"

namespace touchbase {

// Busy or locked -> Errc::unavailable; a violated constraint or a file that is
// not a database -> Errc::data; anything else -> Errc::io. The message reads
// "cannot <doing>: <why> (database <db_path>)".
Error to_error(const SQLite::Exception& e, std::string_view doing, std::string_view db_path);

// True when `e` is the constraint violation `extended_code` (e.g.
// SQLITE_CONSTRAINT_PRIMARYKEY).
bool is_constraint(const SQLite::Exception& e, int extended_code);

// Runs `body` (returning a Result or Status) and turns any exception it
// throws into an Error describing `doing`.
template <class F>
auto guarded(std::string_view doing, std::string_view db_path, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    return to_error(e, doing, db_path);
  } catch (const std::exception& e) {
    return Error::io("cannot " + std::string(doing) + ": " + e.what() + " (database " + std::string(db_path) + ")");
  }
}

}  // namespace touchbase

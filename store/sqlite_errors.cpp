#include "store/sqlite_errors.h"

#include <sqlite3.h>

namespace touchbase {

Error to_error(const SQLite::Exception& e, std::string_view doing, std::string_view db_path) {
  std::string where = " (database " + std::string(db_path) + ")";
  std::string what = "cannot " + std::string(doing) + ": ";
  switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error::unavailable(what + "the database is busy, another process holds its lock (" + e.what() + ")" +
                                where);
    case SQLITE_CONSTRAINT: return Error::data(what + e.what() + where);
    case SQLITE_NOTADB: return Error::data(what + "the file is not an SQLite database" + where);
    default: return Error::io(what + e.what() + where);
  }
}

bool is_constraint(const SQLite::Exception& e, int extended_code) {
  return e.getExtendedErrorCode() == extended_code;
}

}  // namespace touchbase

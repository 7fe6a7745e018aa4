#include "core/result.h"

namespace touchbase {

int exit_code(Errc code) {
  switch (code) {
    case Errc::usage: return 64;
    case Errc::data: return 65;
    case Errc::no_input: return 66;
    case Errc::unavailable: return 69;
    case Errc::io: return 74;
    case Errc::tempfail: return 75;
    case Errc::config: return 78;
  }
  return 70;  // EX_SOFTWARE: unreachable
}

}  // namespace touchbase

#pragma once
// Host names as the URLs of notifiers and mailboxes give them.

#include <string_view>

namespace touchbase {

// localhost, 127.0.0.0/8 and ::1: where a plain-text protocol may be spoken.
bool is_loopback_host(std::string_view host);

}  // namespace touchbase

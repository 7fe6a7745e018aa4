#pragma once
// Reading IMAP replies (RFC 3501) as ImapExchange returns them, and writing
// the arguments the commands take. Pure; replies come from outside and are
// bounded by the caller (k_max_imap_reply).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace touchbase {

using Uid = std::uint32_t;

// The UIDVALIDITY of "* OK [UIDVALIDITY 3857529045] ..." in an EXAMINE reply.
std::optional<Uid> uidvalidity_of(std::string_view untagged);

// The UIDs of "* SEARCH 4 7 9" lines, ascending, without repeats, at most `limit` (the lowest).
std::vector<Uid> search_uids(std::string_view untagged, std::size_t limit);

// Whether "* SEARCH" listed more UIDs than `limit`.
bool search_exceeds(std::string_view untagged, std::size_t limit);

// The literal of "* N FETCH (UID <uid> ... {size}" in `transcript`: exactly
// `size` bytes after the line that announces it. nullopt when no FETCH line
// for that UID announces a literal, or when fewer bytes arrived.
std::optional<std::string> fetched_literal(std::string_view transcript, Uid uid);

// The folder names of "* LIST (\HasNoChildren) "." INBOX" lines (quoted
// names unquoted), in order, at most `limit`; names sent as literals are skipped.
std::vector<std::string> listed_folders(std::string_view untagged, std::size_t limit);

// `name` as an IMAP quoted string: "\"Sent Items\"". REQUIRES: no CR, LF or NUL in `name`.
std::string imap_quoted(std::string_view name);

// "3-Mar-2026", as SEARCH SINCE takes it.
std::string imap_date(date::sys_days day);

}  // namespace touchbase

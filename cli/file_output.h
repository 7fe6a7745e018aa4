#pragma once
// Writing the files commands make (exports, calendars) so that a reader —
// a calendar app subscribed to the file, a backup job — never sees half of
// one.

#include <filesystem>
#include <string_view>

#include "core/result.h"

namespace touchbase {

// Writes `content` to a temporary file beside `path`, then renames it over
// `path`. Errc::io naming the path when either step fails; the temporary
// file is removed then.
Status replace_file(const std::filesystem::path& path, std::string_view content);

}  // namespace touchbase

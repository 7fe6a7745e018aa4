#pragma once
// Writing the files commands make (exports, calendars) so that a reader —
// a calendar app subscribed to the file, a backup job — never sees half of
// one, and nobody else on the machine reads the contacts in it.

#include <filesystem>
#include <functional>
#include <string_view>

#include "core/result.h"

namespace touchbase {

// The temporary file replace_file() writes `path`'s content to first.
std::filesystem::path replacement_path(const std::filesystem::path& path);

// Writes `content` to replacement_path(path), created with O_EXCL and mode
// 0600, syncs it, renames it over `path` and syncs the folder: `path` holds
// either its old content or all of the new, mode 0600, even after a crash.
// Errc::io naming the path when a step fails; the old file is left as it was
// and the temporary removed then (unless it was there before: another write
// under way, or one that was interrupted, owns it).
Status replace_file(const std::filesystem::path& path, std::string_view content);

// The same for content made a piece at a time: `produce` calls `write` with
// each piece in order. An error of `produce` is returned as it is (the old
// file left as it was, the temporary removed); `write` fails with Errc::io
// naming the path.
using ContentWriter = std::function<Status(std::string_view piece)>;
Status replace_file(const std::filesystem::path& path,
                    const std::function<Status(const ContentWriter& write)>& produce);

}  // namespace touchbase

#pragma once
// A small tmpfs mounted for the life of the object, to see what the code does
// on a full disk with a real file system. Mounting needs root: a test skips
// when mounted() is false (why_not() says why).

#include <filesystem>
#include <string>
#include <string_view>

namespace touchbase::testing {

class SmallDisk {
 public:
  // Mounts a tmpfs of `size` ("64k", "4m") at `at`, creating the folder.
  SmallDisk(std::filesystem::path at, std::string_view size);
  // Unmounts it (lazily, so that files still open do not keep it).
  ~SmallDisk();
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;

  bool mounted() const { return mounted_; }
  const std::string& why_not() const { return why_not_; }
  const std::filesystem::path& path() const { return path_; }
  // Writes the file `name` on it until no block is left; false when the
  // writing stopped for another reason than a full disk.
  bool fill(std::string_view name = "filler") const;

 private:
  std::filesystem::path path_;
  bool mounted_ = false;
  std::string why_not_;
};

}  // namespace touchbase::testing

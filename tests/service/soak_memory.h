#pragma once
// The bytes the process has allocated and not freed: the sanitizer's count
// under AddressSanitizer, glibc's otherwise.

#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
// From the sanitizer's allocator interface, whose header GCC does not install.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#else
#include <malloc.h>
#endif

namespace touchbase::testing {

inline std::size_t allocated_bytes() {
#if defined(__SANITIZE_ADDRESS__)
  return __sanitizer_get_current_allocated_bytes();
#else
  return mallinfo2().uordblks;
#endif
}

}  // namespace touchbase::testing

# One home for the warning and sanitizer settings every touchbase target uses:
# link `touchbase_standard` and nothing else is needed.
add_library(touchbase_standard INTERFACE)
target_compile_options(touchbase_standard INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(TOUCHBASE_WERROR)
  target_compile_options(touchbase_standard INTERFACE -Werror)
endif()
if(TOUCHBASE_SANITIZE)
  # The vptr check is left out: it probes memory through a pipe, so in a test
  # that leaves the process no free descriptor (the HTTP endpoint's EMFILE
  # test) it reports a valid object as invalid and aborts.
  target_compile_options(touchbase_standard INTERFACE
    -fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(touchbase_standard INTERFACE -fsanitize=address,undefined)
endif()
if(TOUCHBASE_FUZZ)
  # Every library is instrumented for libFuzzer's coverage; only the fuzz
  # targets link its main.
  target_compile_options(touchbase_standard INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(touchbase_standard INTERFACE -fsanitize=address,undefined)
endif()
target_compile_definitions(touchbase_standard INTERFACE
  TOUCHBASE_VERSION="${PROJECT_VERSION}")

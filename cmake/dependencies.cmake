# Every dependency comes from Debian's packages (see scripts/install-deps).
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(CURL REQUIRED)
find_package(SQLiteCpp REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(date REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)
pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)

# libcsv ships only a static library and a header.
find_library(CSV_LIBRARY NAMES csv REQUIRED)
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
add_library(csv::csv UNKNOWN IMPORTED)
set_target_properties(csv::csv PROPERTIES
  IMPORTED_LOCATION "${CSV_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CSV_INCLUDE_DIR}")

if(TOUCHBASE_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()

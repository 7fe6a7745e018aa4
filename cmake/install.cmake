# What `cmake --install` puts where, and the .deb that `cpack -G DEB` builds.
#
#   binary     ${prefix}/bin/touchbase                 (cli/CMakeLists.txt)    
#   units      ${prefix}/lib/systemd/system/           touchbase.service, touchbase-once.{service,timer}
#   config     /etc/touchbase/touchbase.toml           only when absent; touchbase.toml.example always
#   man page   ${prefix}/share/man/man1/touchbase.1.gz
#   docs       ${prefix}/share/doc/touchbase/
#
# The units' ExecStart= names ${prefix}/bin/touchbase. For a package, configure
# with -DCMAKE_INSTALL_PREFIX=/usr (docs/operations.md).
include(GNUInstallDirs)

set(TOUCHBASE_SYSTEMD_UNIT_DIR "${CMAKE_INSTALL_PREFIX}/lib/systemd/system"
    CACHE PATH "Where the systemd units are installed")
# The binary's default --config is /etc/touchbase/touchbase.toml, whatever the prefix.
set(TOUCHBASE_CONFIG_DIR "/etc/touchbase" CACHE PATH "Where the configuration is installed")

set(unit_dir "${PROJECT_BINARY_DIR}/systemd")
foreach(unit touchbase.service touchbase-once.service touchbase-once.timer)
  file(READ "${PROJECT_SOURCE_DIR}/systemd/${unit}" text)
  string(REPLACE "/usr/local/bin/touchbase" "${CMAKE_INSTALL_FULL_BINDIR}/touchbase" text "${text}")
  file(WRITE "${unit_dir}/${unit}" "${text}")
  install(FILES "${unit_dir}/${unit}" DESTINATION "${TOUCHBASE_SYSTEMD_UNIT_DIR}")
endforeach()

install(FILES "${PROJECT_SOURCE_DIR}/systemd/touchbase.toml" DESTINATION "${TOUCHBASE_CONFIG_DIR}"
        RENAME touchbase.toml.example)
# An operator's edited config survives a reinstall.
install(CODE "
  if(EXISTS \"\$ENV{DESTDIR}${TOUCHBASE_CONFIG_DIR}/touchbase.toml\")
    message(STATUS \"Keeping: \$ENV{DESTDIR}${TOUCHBASE_CONFIG_DIR}/touchbase.toml\")
  else()
    file(INSTALL \"${PROJECT_SOURCE_DIR}/systemd/touchbase.toml\" DESTINATION \"${TOUCHBASE_CONFIG_DIR}\"
         FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  endif()
")

find_program(GZIP gzip REQUIRED)
add_custom_command(OUTPUT "${PROJECT_BINARY_DIR}/touchbase.1.gz"
  COMMAND "${GZIP}" -9 -n -c "${PROJECT_SOURCE_DIR}/docs/touchbase.1" > "${PROJECT_BINARY_DIR}/touchbase.1.gz"
  DEPENDS "${PROJECT_SOURCE_DIR}/docs/touchbase.1"
  COMMENT "Compressing the man page")
add_custom_target(touchbase_man ALL DEPENDS "${PROJECT_BINARY_DIR}/touchbase.1.gz")
install(FILES "${PROJECT_BINARY_DIR}/touchbase.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")

install(FILES README.md docs/cli.md docs/configuration.md docs/delivery.md docs/operations.md
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES examples/touchbase.toml examples/contacts.csv DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples")

# cpack -G DEB
set(CPACK_PACKAGE_NAME touchbase)
set(CPACK_PACKAGE_VENDOR "touchbase")
set(CPACK_PACKAGE_CONTACT "touchbase maintainers <touchbase@example.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "follow-up reminders for people who sell, never pushy")
set(CPACK_PACKAGE_DESCRIPTION "touchbase tracks contacts and when each prefers to be contacted, decides when
the next follow-up is due while keeping non-pushy gaps, and reminds the
salesperson by email or chat webhook with a talking point that adds value.")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "systemd, tzdata")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
file(WRITE "${PROJECT_BINARY_DIR}/deb/conffiles" "${TOUCHBASE_CONFIG_DIR}/touchbase.toml\n")
foreach(script postinst prerm postrm)
  configure_file("${PROJECT_SOURCE_DIR}/cmake/deb/${script}" "${PROJECT_BINARY_DIR}/deb/${script}" COPYONLY
                 FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ
                                  WORLD_EXECUTE)
endforeach()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_BINARY_DIR}/deb/conffiles;${PROJECT_BINARY_DIR}/deb/postinst;${PROJECT_BINARY_DIR}/deb/prerm;${PROJECT_BINARY_DIR}/deb/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)

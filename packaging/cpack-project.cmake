# Read by cpack for each package it makes (CPACK_PROJECT_CONFIG_FILE).
# The package installs to the prefix the program was built for (see
# packaging.cmake); a Debian package belongs in /usr, so say so when not.
if(CPACK_GENERATOR STREQUAL "DEB" AND NOT CPACK_PACKAGING_INSTALL_PREFIX STREQUAL "/usr")
    message(WARNING "The Debian package installs to ${CPACK_PACKAGING_INSTALL_PREFIX}, the build's "
                    "CMAKE_INSTALL_PREFIX. Configure with -DCMAKE_INSTALL_PREFIX=/usr for a package "
                    "that installs to /usr.")
endif()

# Deployment as a kiosk: the systemd units, the X session scripts, the content
# updater, and the Debian package (`cpack -G DEB` in the build folder).
# Included from the top-level CMakeLists.txt after the carekiosk target.
#
# Every path follows GNUInstallDirs under CMAKE_INSTALL_PREFIX, and the
# package installs to that same prefix, so the content folder compiled into
# the program, the paths written into the units and the files themselves
# always agree. A Debian package wants -DCMAKE_INSTALL_PREFIX=/usr.

if(NOT CAREKIOSK_BUILD_UI)
    return()   # no program, nothing to deploy
endif()

# systemd reads /usr/lib/systemd/system and /usr/local/lib/systemd/system, so
# the units stay under the prefix (not CMAKE_INSTALL_LIBDIR: no multiarch part).
set(CAREKIOSK_UNIT_DIR lib/systemd/system)
set(CAREKIOSK_LIBEXEC_DIR ${CMAKE_INSTALL_LIBEXECDIR}/carekiosk)
set(CAREKIOSK_DOC_DIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/carekiosk)

# Absolute paths substituted into the units and scripts (@VAR@).
set(CAREKIOSK_BIN ${CMAKE_INSTALL_FULL_BINDIR}/carekiosk)
set(CAREKIOSK_UPDATE_BIN ${CMAKE_INSTALL_FULL_BINDIR}/carekiosk-update-content)
set(CAREKIOSK_XSTART ${CMAKE_INSTALL_FULL_LIBEXECDIR}/carekiosk/carekiosk-xstart)
set(CAREKIOSK_SESSION ${CMAKE_INSTALL_FULL_LIBEXECDIR}/carekiosk/carekiosk-session)
set(CAREKIOSK_SHARE_CONTENT ${CMAKE_INSTALL_FULL_DATADIR}/carekiosk/content)
set(CAREKIOSK_DOC ${CMAKE_INSTALL_FULL_DATAROOTDIR}/doc/carekiosk)

set(packaging_src ${CMAKE_CURRENT_LIST_DIR})
set(packaging_out ${CMAKE_CURRENT_BINARY_DIR}/packaging)
foreach(file carekiosk.service carekiosk-update-content.service carekiosk-xstart carekiosk-session)
    configure_file(${packaging_src}/${file}.in ${packaging_out}/${file} @ONLY)
endforeach()

install(PROGRAMS ${packaging_src}/carekiosk-update-content DESTINATION ${CMAKE_INSTALL_BINDIR})
install(PROGRAMS ${packaging_out}/carekiosk-xstart ${packaging_out}/carekiosk-session
        DESTINATION ${CAREKIOSK_LIBEXEC_DIR})
install(FILES ${packaging_out}/carekiosk.service ${packaging_out}/carekiosk-update-content.service
              ${packaging_src}/carekiosk-update-content.timer
        DESTINATION ${CAREKIOSK_UNIT_DIR})
# The settings file is an example, not a conffile: the units work without
# /etc/default/carekiosk, and an upgrade never touches the admin's copy.
install(FILES ${packaging_src}/carekiosk.default ${PROJECT_SOURCE_DIR}/DEPLOY.md ${PROJECT_SOURCE_DIR}/CONTENT.md
        DESTINATION ${CAREKIOSK_DOC_DIR})

# ---------------------------------------------------------------------------
# Debian package
# ---------------------------------------------------------------------------
set(CAREKIOSK_DEB_MAINTAINER "CareKiosk developers <dev@carekiosk.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME carekiosk)
set(CPACK_PACKAGE_VENDOR "CareKiosk")
set(CPACK_PACKAGE_CONTACT "${CAREKIOSK_DEB_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")   # see the top of this file
set(CPACK_STRIP_FILES ON)   # the RelWithDebInfo binary is ~10x larger with its debug info
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-screen touch kiosk for patient education in clinics")
set(CPACK_PACKAGE_DESCRIPTION
"CareKiosk shows a clinic's treatment information (Markdown pages and
questions and answers) full screen on a touch screen, with search, text
sizes, languages and an idle reset. Staff edit plain files; the content can
come from a git repository and is checked before the kiosk takes it.
This package holds the program, the default content, a systemd unit that
starts it at boot in its own X session, and a timer that updates the content.")

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CAREKIOSK_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # carekiosk_VERSION_ARCH.deb
# Shared libraries from the binary's NEEDED entries (dpkg-shlibdeps); the
# rest is loaded at run time where shlibdeps cannot see it: fonts through
# fontconfig, Mesa's drivers through libGL (libespeak-ng1 brings its own
# espeak-ng-data when the program links it). libmpv2 is named too: clips in
# pages play through it, and `check` opens them with it.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libmpv2, fonts-noto-core, fonts-dejavu-core, fonts-material-design-icons-iconfont, libgl1-mesa-dri, wamerican, wbritish, wspanish")
# What the kiosk unit and the updater run. Recommends, so a staff PC that only
# checks and previews content can leave them out.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "xserver-xorg-core, xserver-xorg-input-libinput, xinit, xauth, x11-xserver-utils, libpam-systemd, git")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "fonts-noto-cjk")

# Checked when cpack runs, not at every configure.
set(CPACK_PROJECT_CONFIG_FILE ${packaging_src}/cpack-project.cmake)

include(CPack)

# Files of the Debian package made at build time: PNG icons from the SVG,
# man pages from the programs' own --help, the Debian changelog. Each is made
# reproducibly: dates come from SAFEHOLD_SOURCE_DATE_EPOCH, gzip without names
# or times.

# The time of the commit being built ($SOURCE_DATE_EPOCH when set): the one
# date that goes into the man pages, the changelog and the .deb.
if(DEFINED ENV{SOURCE_DATE_EPOCH})
  set(SAFEHOLD_SOURCE_DATE_EPOCH $ENV{SOURCE_DATE_EPOCH})
else()
  execute_process(COMMAND git log -1 --format=%ct WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                  OUTPUT_VARIABLE SAFEHOLD_SOURCE_DATE_EPOCH OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE _git_rc ERROR_QUIET)
  if(NOT _git_rc EQUAL 0 OR SAFEHOLD_SOURCE_DATE_EPOCH STREQUAL "")
    message(STATUS "packaging: no git commit time; dating package files 0 (set SOURCE_DATE_EPOCH)")
    set(SAFEHOLD_SOURCE_DATE_EPOCH 0)
  endif()
endif()

find_program(SAFEHOLD_RSVG_CONVERT rsvg-convert)
find_program(SAFEHOLD_HELP2MAN help2man)
find_program(SAFEHOLD_GZIP gzip REQUIRED)
if(NOT SAFEHOLD_RSVG_CONVERT OR NOT SAFEHOLD_HELP2MAN)
  message(FATAL_ERROR "packaging needs rsvg-convert (librsvg2-bin) and help2man: run packaging/setup-debian.sh")
endif()

# safehold_icons(SVG file SIZES n...): hicolor PNGs rendered from the SVG,
# installed with the SVG itself.
function(safehold_icons)
  cmake_parse_arguments(A "" "SVG" "SIZES" ${ARGN})
  set(outputs)
  foreach(px IN LISTS A_SIZES)
    set(png ${CMAKE_CURRENT_BINARY_DIR}/icons/${px}x${px}/safehold.png)
    add_custom_command(OUTPUT ${png}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/icons/${px}x${px}
      COMMAND ${SAFEHOLD_RSVG_CONVERT} --width=${px} --height=${px} --output=${png} ${A_SVG}
      DEPENDS ${A_SVG} VERBATIM)
    list(APPEND outputs ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${px}x${px}/apps)
  endforeach()
  install(FILES ${A_SVG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  add_custom_target(safehold_icons ALL DEPENDS ${outputs})
endfunction()

# safehold_man_pages(): section 1 pages for both programs from their --help
# (help2man), so a page can never say other than the program. HOME and the
# XDG variables are pointed at a fixed place so help text that names default
# folders names the same one on every build machine.
function(safehold_man_pages)
  set(outputs)
  foreach(t safehold safehold-cli)
    if(NOT TARGET ${t})
      continue()
    endif()
    if(t STREQUAL "safehold")
      set(what "offline encrypted vault for testimony (desktop app)")
      set(help_option --help)
    else()
      set(what "offline encrypted vault for testimony (command line)")
      set(help_option --help-all)  # every command and its options, not only the list
    endif()
    set(page ${CMAKE_CURRENT_BINARY_DIR}/man/${t}.1)
    add_custom_command(OUTPUT ${page}.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
      COMMAND ${CMAKE_COMMAND} -E env --unset=XDG_DATA_HOME --unset=SAFEHOLD_VAULT
              --unset=LANGUAGE HOME=/home/user LC_ALL=C.UTF-8
              SOURCE_DATE_EPOCH=${SAFEHOLD_SOURCE_DATE_EPOCH}
              ${SAFEHOLD_HELP2MAN} --no-info --no-discard-stderr --section=1
              --help-option=${help_option} --version-string=${PROJECT_VERSION}
              --name=${what} --include=${CMAKE_CURRENT_SOURCE_DIR}/deb/man-see-also.h2m
              --output=${page} $<TARGET_FILE:${t}>
      COMMAND ${SAFEHOLD_GZIP} -9nf ${page}
      DEPENDS ${t} ${CMAKE_CURRENT_SOURCE_DIR}/deb/man-see-also.h2m VERBATIM)
    list(APPEND outputs ${page}.gz)
    install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  endforeach()
  add_custom_target(safehold_man_pages ALL DEPENDS ${outputs})
endfunction()

# safehold_changelog(DESTINATION dir MAINTAINER "name <mail>"): the Debian changelog a native package
# carries (/usr/share/doc/safehold/changelog.gz), dated by the commit.
function(safehold_changelog)
  cmake_parse_arguments(A "" "DESTINATION;MAINTAINER" "" ${ARGN})
  # string(TIMESTAMP) reads the time from $SOURCE_DATE_EPOCH when it is set.
  set(saved "$ENV{SOURCE_DATE_EPOCH}")
  set(ENV{SOURCE_DATE_EPOCH} ${SAFEHOLD_SOURCE_DATE_EPOCH})
  string(TIMESTAMP date "%a, %d %b %Y %H:%M:%S +0000" UTC)
  set(ENV{SOURCE_DATE_EPOCH} "${saved}")
  set(log ${CMAKE_CURRENT_BINARY_DIR}/changelog)
  file(WRITE ${log}
       "safehold (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
       "  * Safehold ${PROJECT_VERSION}: see README.md for what it does.\n\n"
       " -- ${A_MAINTAINER}  ${date}\n")
  add_custom_command(OUTPUT ${log}.gz
    COMMAND ${SAFEHOLD_GZIP} -9nc ${log} > ${log}.gz
    DEPENDS ${log})
  add_custom_target(safehold_changelog ALL DEPENDS ${log}.gz)
  install(FILES ${log}.gz DESTINATION ${A_DESTINATION})
endfunction()

# The version and git commit both programs print for --version, fixed when
# CMake configures (never the build time or a path: two builds of one commit
# give the same bytes). SAFEHOLD_GIT_COMMIT overrides git, for builds from a
# source tarball; without git and without it the commit reads "unknown".
set(SAFEHOLD_GIT_COMMIT "" CACHE STRING "Commit printed by --version (empty: ask git at configure time)")
set(_safehold_commit "${SAFEHOLD_GIT_COMMIT}")
find_package(Git QUIET)
if(_safehold_commit STREQUAL "" AND GIT_FOUND)
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --verify HEAD
                  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}" RESULT_VARIABLE _rc
                  OUTPUT_VARIABLE _safehold_commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT _rc EQUAL 0)
    set(_safehold_commit "")
  endif()
  # Configure again when HEAD moves (a commit, a checkout), so --version is
  # never stale: depend on HEAD and on the branch ref it names.
  foreach(_ref HEAD "")
    if(_ref STREQUAL "")
      execute_process(COMMAND "${GIT_EXECUTABLE}" symbolic-ref -q HEAD WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
                      OUTPUT_VARIABLE _ref OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    endif()
    if(NOT _ref STREQUAL "")
      execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --git-path "${_ref}" WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
                      OUTPUT_VARIABLE _path OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      get_filename_component(_path "${_path}" ABSOLUTE BASE_DIR "${CMAKE_SOURCE_DIR}")
      if(EXISTS "${_path}")
        set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_path}")
      endif()
    endif()
  endforeach()
endif()
if(_safehold_commit STREQUAL "")
  set(_safehold_commit "unknown")
endif()
set(SAFEHOLD_VERSION_STRING "${PROJECT_VERSION}")
set(SAFEHOLD_COMMIT_STRING "${_safehold_commit}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/version.hpp.in" "${CMAKE_BINARY_DIR}/generated/safehold/version.hpp" @ONLY)
add_library(safehold_version INTERFACE)
target_include_directories(safehold_version INTERFACE "${CMAKE_BINARY_DIR}/generated")

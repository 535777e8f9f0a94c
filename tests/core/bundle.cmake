# Bundle format layer: manifest, SHA256SUMS, trusted comment, tar.
safehold_test(core_bundle_format_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/text_formats.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/manifest.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sha256sums.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tar.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/json_limits.tests.cpp
  LIBS safehold_core)

# Bundle writer and reader over age + minisign: round trips, refusals,
# mutation, and interop with Debian's age, tar, minisign and sha256sum.
safehold_test(core_bundle_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/bundle_roundtrip.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bundle_refusals.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bundle_mutation.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bundle_interop.tests.cpp
  LIBS safehold_core)

# Sealed bundles between two real vaults: identity and contacts (CLI), export
# with consent, import (byte-identical, provenance, custody), every refusal
# with its exit code and the vault unchanged, mutation over the whole file,
# and SIGKILL during a real `safehold-cli import`.
safehold_test(exchange_tests
  ASAN_TESTS "[refusal],[story],[mutation],[notices]"
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/identity_contacts.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/contact_edit.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/roundtrip.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/consent_export.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/import_refusals.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/mutation.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/kill_import.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ownership.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/revisions.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/withdrawal.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/notices.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/notified_changes.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledger_migration.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/attachment_content.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/case_squatting.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/three_party_story.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bundle_leaks.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/provenance_shown.tests.cpp
  LIBS safehold_core)
add_dependencies(exchange_tests safehold-cli)
target_compile_definitions(exchange_tests PRIVATE SAFEHOLD_CLI_PATH="$<TARGET_FILE:safehold-cli>")
# Shared helpers: the bundle world (tests/core), the CLI runner (tests/cli),
# sample records (tests/storage).
target_include_directories(exchange_tests PRIVATE ${CMAKE_SOURCE_DIR}/tests/core ${CMAKE_SOURCE_DIR}/tests/cli
                           ${CMAKE_SOURCE_DIR}/tests/storage)
# RawDb (a raw SQLCipher connection, for damaging a vault on purpose).
target_link_libraries(exchange_tests PRIVATE PkgConfig::SQLCIPHER)
target_compile_definitions(exchange_tests PRIVATE SQLITE_HAS_CODEC)

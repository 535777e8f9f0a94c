# The vault policy shared by safehold and safehold-cli (app/core/.../policy).
safehold_test(core_policy_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/vault_folder_policy.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/passphrase_policy.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/process_start.tests.cpp
  LIBS safehold_core)

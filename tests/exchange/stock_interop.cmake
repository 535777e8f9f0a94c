# safehold-cli export/import against Debian's age, tar, minisign and
# sha256sum, per the recipes of schema/bundle-v1.md.
safehold_test(exchange_stock_interop_tests
  ASAN_TESTS "[interop]"
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/stock_interop.tests.cpp
          ${CMAKE_CURRENT_LIST_DIR}/hostile_senders.tests.cpp
          ${CMAKE_CURRENT_LIST_DIR}/identifying_import.tests.cpp
          ${CMAKE_CURRENT_LIST_DIR}/case_references.tests.cpp
          ${CMAKE_CURRENT_LIST_DIR}/verify_equals_import.tests.cpp
  LIBS safehold_core)
add_dependencies(exchange_stock_interop_tests safehold-cli)
target_compile_definitions(exchange_stock_interop_tests PRIVATE SAFEHOLD_CLI_PATH="$<TARGET_FILE:safehold-cli>")
# cli_fixture.hpp and cli_runner.hpp; stock_recipes.hpp and bundle_fixtures.hpp.
target_include_directories(exchange_stock_interop_tests PRIVATE ${CMAKE_SOURCE_DIR}/tests/cli ${CMAKE_SOURCE_DIR}/tests/core)

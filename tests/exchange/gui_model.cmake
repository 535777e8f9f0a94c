# The GUI's model issues notices through core as the CLI does (issue 10).
# Only where the GUI is built (not under the asan preset).
if(TARGET safehold_appmodel)
  safehold_test(exchange_gui_model_tests
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/gui_withdrawal.tests.cpp
    LIBS safehold_appmodel safehold_core)
  add_dependencies(exchange_gui_model_tests safehold-cli)
  target_compile_definitions(exchange_gui_model_tests PRIVATE SAFEHOLD_CLI_PATH="$<TARGET_FILE:safehold-cli>")
  target_include_directories(exchange_gui_model_tests PRIVATE ${CMAKE_SOURCE_DIR}/tests/core ${CMAKE_SOURCE_DIR}/tests/cli
                             ${CMAKE_SOURCE_DIR}/tests/storage)
endif()

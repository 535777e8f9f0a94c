# core/casework's record-set writer over a real vault (sample records from tests/storage).
safehold_test(core_casework_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/casework.tests.cpp
  LIBS safehold_core PkgConfig::SQLCIPHER)
target_include_directories(core_casework_tests PRIVATE ${CMAKE_SOURCE_DIR}/tests/storage)
target_compile_definitions(core_casework_tests PRIVATE SQLITE_HAS_CODEC)

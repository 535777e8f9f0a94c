# core/disclosure over a real vault (sample records from tests/storage).
safehold_test(core_disclosure_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/disclosure.tests.cpp
  LIBS safehold_core PkgConfig::SQLCIPHER)
target_include_directories(core_disclosure_tests PRIVATE ${CMAKE_SOURCE_DIR}/tests/storage)
target_compile_definitions(core_disclosure_tests PRIVATE SQLITE_HAS_CODEC)

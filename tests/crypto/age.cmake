# age v1 tests: unit tests, the C2SP/CCTV vectors (zlib for the compressed
# ones, in the test only) and interop with the real age/age-keygen binaries.
find_package(ZLIB REQUIRED)
safehold_test(crypto_age_tests
  SOURCES
    age/vectors.tests.cpp
  LIBS safehold_crypto ZLIB::ZLIB)
target_include_directories(crypto_age_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/age)

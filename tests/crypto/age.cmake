# age v1 tests: unit tests, the C2SP/CCTV vectors (zlib for the compressed
# ones, in the test only) and interop with the real age/age-keygen binaries.
find_package(ZLIB REQUIRED)
safehold_test(crypto_age_tests
  SOURCES
    age/armor.tests.cpp
    age/bech32.tests.cpp
    age/encrypt_decrypt.tests.cpp
    age/header.tests.cpp
    age/interop.tests.cpp
    age/keys.tests.cpp
    age/vector_roundtrip.tests.cpp
    age/vectors.tests.cpp
  LIBS safehold_crypto ZLIB::ZLIB)
target_include_directories(crypto_age_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/age)

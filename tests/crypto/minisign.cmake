# minisign: formats, sign/verify, secret key files, interop with the real binary.
safehold_test(crypto_minisign_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/minisign_format.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/minisign_sign_verify.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/minisign_secret_key.tests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/minisign_interop.tests.cpp
  LIBS safehold_crypto)

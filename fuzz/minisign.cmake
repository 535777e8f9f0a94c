# minisign parsers: public keys, secret key files, signature files (+ verify).
foreach(_target minisign_public_key minisign_secret_key minisign_signature)
  safehold_fuzzer(${_target} ${CMAKE_CURRENT_LIST_DIR}/${_target}.fuzz.cpp safehold_crypto)
endforeach()

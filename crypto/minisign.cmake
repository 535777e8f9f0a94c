# minisign: key pairs, public keys, prehashed signatures, secret key files.
target_sources(safehold_crypto PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/src/minisign_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/minisign_keys.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/minisign_signature.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/minisign_secret_key.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/minisign_files.cpp
)

# age v1: header, X25519 and scrypt recipients, armor, streaming encrypt/decrypt.
target_sources(safehold_crypto PRIVATE
  src/age/armor_reader.cpp
  src/age/armor_writer.cpp
  src/age/base64.cpp
  src/age/bech32.cpp
  src/age/buffered_source.cpp
  src/age/decryptor.cpp
  src/age/encryptor.cpp
  src/age/error.cpp
  src/age/header.cpp
  src/age/scrypt.cpp
  src/age/x25519.cpp
)

# age v1 parsers: the header, the ASCII armor decoder, and the whole decryptor.
safehold_fuzzer(age_header age_header.fuzz.cpp safehold_crypto)
safehold_fuzzer(age_armor age_armor.fuzz.cpp safehold_crypto)
safehold_fuzzer(age_decrypt age_decrypt.fuzz.cpp safehold_crypto)

# Bundle format fuzzers (schema/bundle-v1.md): the reader after decryption,
# and the manifest / SHA256SUMS parsers. bundle_seeds regenerates their seed
# corpora in fuzz/seeds/ (see fuzz/README.md).
safehold_fuzzer(bundle_reader ${CMAKE_CURRENT_LIST_DIR}/bundle_reader.fuzz.cpp safehold_core)
safehold_fuzzer(bundle_manifest ${CMAKE_CURRENT_LIST_DIR}/bundle_manifest.fuzz.cpp safehold_core)
add_executable(bundle_seeds ${CMAKE_CURRENT_LIST_DIR}/bundle_seeds.cpp)
target_link_libraries(bundle_seeds PRIVATE safehold_core)
safehold_flags(bundle_seeds)

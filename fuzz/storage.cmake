# Storage parsers: vault.key, attachment files, search queries, record JSON.
safehold_fuzzer(key_file ${CMAKE_CURRENT_LIST_DIR}/key_file.fuzz.cpp safehold_storage)
safehold_fuzzer(attachment_file ${CMAKE_CURRENT_LIST_DIR}/attachment_file.fuzz.cpp safehold_storage)
safehold_fuzzer(search_query ${CMAKE_CURRENT_LIST_DIR}/search_query.fuzz.cpp safehold_storage PkgConfig::SQLCIPHER)
target_include_directories(fuzz_search_query PRIVATE ${CMAKE_SOURCE_DIR}/app/storage/src)
safehold_fuzzer(record_json ${CMAKE_CURRENT_LIST_DIR}/record_json.fuzz.cpp safehold_storage)

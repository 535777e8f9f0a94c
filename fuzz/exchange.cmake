# Exchange parsers: contact cards (schema/contact-card-v1.md) and the record
# files inside bundles (app/core/.../exchange/record_files.hpp). Whatever they
# accept must re-encode to exactly the bytes they read.
safehold_fuzzer(contact_card ${CMAKE_CURRENT_LIST_DIR}/contact_card.fuzz.cpp safehold_core)
safehold_fuzzer(record_file ${CMAKE_CURRENT_LIST_DIR}/record_file.fuzz.cpp safehold_core)
# Notice files inside bundles (app/core/.../exchange/notice_files.hpp).
safehold_fuzzer(notice_file ${CMAKE_CURRENT_LIST_DIR}/notice_file.fuzz.cpp safehold_core)

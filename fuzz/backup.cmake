# The backup file's parsers (schema/backup-v1.md): header, archive frames, manifest.
safehold_fuzzer(backup_reader ${CMAKE_CURRENT_LIST_DIR}/backup_reader.fuzz.cpp safehold_storage)

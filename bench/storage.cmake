# Storage benchmarks: the 100k-case vault and the 1 GiB attachment
# (bench/storage_attachment.sh wraps the latter with /usr/bin/time -v).
safehold_bench(storage_vault SOURCES ${CMAKE_CURRENT_LIST_DIR}/storage_vault.cpp LIBS safehold_storage)
safehold_bench(storage_attachment SOURCES ${CMAKE_CURRENT_LIST_DIR}/storage_attachment.cpp LIBS safehold_storage)

# minisign sign/verify of one file, for bench/minisign.sh.
safehold_bench(minisign SOURCES ${CMAKE_CURRENT_LIST_DIR}/minisign.bench.cpp LIBS safehold_crypto)

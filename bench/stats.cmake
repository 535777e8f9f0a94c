# Anonymised statistics over many cases (bench_stats [cases] [folder]).
safehold_bench(stats SOURCES ${CMAKE_CURRENT_LIST_DIR}/stats_bench.cpp LIBS safehold_report safehold_core)
target_include_directories(bench_stats PRIVATE ${CMAKE_SOURCE_DIR}/tests/storage)

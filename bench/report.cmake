# The evidence report of a case with 200 incidents and 500 evidence items:
# time and peak RSS (bench/report.sh runs both steps).
safehold_bench(report SOURCES ${CMAKE_CURRENT_LIST_DIR}/report_bench.cpp LIBS safehold_report safehold_core)
target_include_directories(bench_report PRIVATE ${CMAKE_SOURCE_DIR}/tests/storage)

# bench_age: an age-like CLI over our implementation; bench/age.sh times it
# beside the real age on the same 1 GiB file.
safehold_bench(age SOURCES age.bench.cpp LIBS safehold_crypto)

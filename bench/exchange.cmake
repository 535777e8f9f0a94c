# Sealed bundles through safehold-cli: bench/exchange_1gib.sh runs export and
# import of a 1 GiB attachment beside the stock pipeline; bench_exchange_vault
# makes its vaults with cheap Argon2id parameters.
safehold_bench(exchange_vault SOURCES ${CMAKE_CURRENT_LIST_DIR}/exchange_vault.cpp LIBS safehold_storage)
# Import of 1,000 cases (6,000 records) and of a 10% update through the
# library: records/s and peak RSS (bench/exchange_import.sh, docs/exchange-bench.md).
safehold_bench(exchange_import SOURCES ${CMAKE_CURRENT_LIST_DIR}/exchange_import.cpp LIBS safehold_core)

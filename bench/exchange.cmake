# Sealed bundles through safehold-cli: bench/exchange_1gib.sh runs export and
# import of a 1 GiB attachment beside the stock pipeline; bench_exchange_vault
# makes its vaults with cheap Argon2id parameters.
safehold_bench(exchange_vault SOURCES ${CMAKE_CURRENT_LIST_DIR}/exchange_vault.cpp LIBS safehold_storage)

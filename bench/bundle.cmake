# Sealed bundles: seal/open of a large attachment, compared by bench/bundle.sh
# with the stock age + tar + minisign + sha256sum pipeline.
safehold_bench(bundle SOURCES ${CMAKE_CURRENT_LIST_DIR}/bundle_bench.cpp LIBS safehold_core)

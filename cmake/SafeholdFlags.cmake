# Compiler flags for Safehold's own targets (never for third-party code).

set(SAFEHOLD_WARNINGS -Wall -Wextra -Wpedantic -Werror -Wshadow -Wconversion
    -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough)
set(SAFEHOLD_HARDENING -fstack-protector-strong -fstack-clash-protection
    -fcf-protection -fno-strict-overflow)

add_compile_definitions($<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2> _GLIBCXX_ASSERTIONS)
add_link_options(-Wl,-z,relro,-z,now -Wl,-z,noexecstack)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

if(SAFEHOLD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
# The asan preset sets both: its libraries carry libFuzzer's coverage
# instrumentation too, so the fuzz targets build in the same tree as the tests.
if(SAFEHOLD_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# Build time. On the 2-core CI machine most of a cold build was the compiler
# parsing and instantiating the same large headers (nlohmann/json 2.4 s per
# file, CLI11 4 s, Catch2 0.8 s) in every file, once per configuration
# (release, asan). Measured on 8 files each under ASan: one unity file instead of
# eight took 17.5 s of CPU instead of 44.6 s (schema) and 5.1 s instead of
# 22.1 s (storage). So our libraries and the CLI are built in unity batches
# (the CLI with its command groups' file-local names made distinct:
# CaseListOptions, run_case_list); the test files, whose file-local helpers
# still repeat names from file to file (kValid), get the heavy headers
# precompiled instead (about 20% less per file).
# Either can be switched off (-DSAFEHOLD_UNITY=OFF -DSAFEHOLD_PCH=OFF), for
# example to see which file an error message belongs to.
option(SAFEHOLD_UNITY "Build the libraries and the CLI in unity batches" ON)
option(SAFEHOLD_PCH "Precompile the large third-party headers of the tests and the CLI" ON)

# safehold_unity(target): compile the target's files in batches of eight.
# Files in one batch share one translation unit, so names at file scope (in
# anonymous namespaces too) must not repeat within a library or the CLI.
function(safehold_unity target)
  if(SAFEHOLD_UNITY)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  endif()
endfunction()

# safehold_precompile(target HEADERS...): precompile these system headers
# (written without angle brackets) for the C++ files of a target. A target of
# one or two files gains nothing: the header is compiled once per target.
function(safehold_precompile target)
  get_target_property(sources ${target} SOURCES)
  list(FILTER sources INCLUDE REGEX "\\.cpp$")
  list(LENGTH sources count)
  if(NOT SAFEHOLD_PCH OR count LESS 3)
    return()
  endif()
  foreach(header IN LISTS ARGN)
    target_precompile_headers(${target} PRIVATE
      "$<$<COMPILE_LANGUAGE:CXX>:<${header}$<ANGLE-R>>")
  endforeach()
endfunction()

# safehold_fast_link(target): link this test, fuzz or benchmark program with
# lld when it is installed (packaging/setup-debian.sh installs it). The test
# programs are linked against every static library, twice in CI (release,
# asan): measured on exchange_tests under ASan, GNU ld took 7.2 s of CPU,
# lld 1.7 s. The programs we ship keep the default linker.
find_program(SAFEHOLD_LLD NAMES ld.lld)
function(safehold_fast_link target)
  if(SAFEHOLD_LLD)
    target_link_options(${target} PRIVATE -fuse-ld=lld)
  endif()
endfunction()

# safehold_optimise_when_sanitized(target): the asan preset compiles at -O0.
# Every safehold-cli child process a test starts parses the built-in
# vocabularies and model before anything else: a third of its CPU time under
# ASan at -O0 (nlohmann/json and std::map, instrumented, not inlined). The
# schema library is compiled at -O1 there (the fuzz preset's level):
# `safehold-cli --version` takes about a quarter less CPU (0.85 -> 0.66 s,
# mean of 4 on the loaded 2-core machine), for 17 s more compile CPU. Tried on base, crypto and core too: the bundle mutation test
# (3,400 bundles opened in-process) took 44 s of CPU either way (its time is
# in the kernel, for guarded secret memory, and in the -O0 test code), so
# they stay at -O0. Line tables (-g1) still name the lines.
function(safehold_optimise_when_sanitized target)
  if(SAFEHOLD_SANITIZE AND CMAKE_BUILD_TYPE STREQUAL "Debug")
    target_compile_options(${target} PRIVATE -O1)
  endif()
endfunction()

# safehold_flags(target): our warnings (as errors) and hardening on one target.
function(safehold_flags target)
  target_compile_options(${target} PRIVATE ${SAFEHOLD_WARNINGS} ${SAFEHOLD_HARDENING})
endfunction()

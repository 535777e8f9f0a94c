# The GUI's text-field codec (appmodel/astral_escapes.hpp). SAFEHOLD_GUI is
# OFF in the fuzz build, so its one source (standard library only) is compiled
# in; safehold_schema's is_valid_utf8 is the independent oracle.
safehold_fuzzer(astral_escapes ${CMAKE_CURRENT_LIST_DIR}/astral_escapes.fuzz.cpp safehold_schema)
target_sources(fuzz_astral_escapes PRIVATE ${CMAKE_SOURCE_DIR}/app/gui/model/src/astral_escapes.cpp)
target_include_directories(fuzz_astral_escapes PRIVATE ${CMAKE_SOURCE_DIR}/app/gui/model/include)

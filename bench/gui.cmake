# bench_gui: CPU time of UI frames (NewFrame..Render, no GPU) and startup to
# the first frame of the unlock screen, including the CJK font atlas.
if(SAFEHOLD_GUI)
  safehold_bench(gui
    SOURCES gui/bench_gui.cpp
    LIBS safehold_gui safehold_wiping_new)
  target_compile_definitions(bench_gui PRIVATE SAFEHOLD_BENCH_DATA_DIR="${CMAKE_BINARY_DIR}/bench-data")
endif()

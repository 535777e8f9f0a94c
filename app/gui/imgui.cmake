# Dear ImGui 1.90.1, built here from Debian 13's source package (fetched and
# verified by packaging/setup-debian.sh; see docs/gui.md "Dear ImGui").
# One static library: the core, the GLFW and OpenGL 3 backends, the FreeType
# font builder and imgui_stdlib, all with the same configuration:
#   IMGUI_USE_WCHAR32            characters outside the BMP are kept and drawn
#   IMGUI_ENABLE_FREETYPE        FreeType rasterises the fonts
#   IMGUI_DISABLE_OBSOLETE_FUNCTIONS / _KEYIO  only the 1.90 API
#   IMGUI_DISABLE_DEBUG_TOOLS    no metrics/ID-stack tools that could show text
set(SAFEHOLD_IMGUI_DIR "${PROJECT_SOURCE_DIR}/third_party/imgui-1.90.1"
    CACHE PATH "Dear ImGui 1.90.1 source, unpacked by packaging/setup-debian.sh")
if(NOT EXISTS "${SAFEHOLD_IMGUI_DIR}/.safehold-verified" OR NOT EXISTS "${SAFEHOLD_IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR
    "Dear ImGui 1.90.1 source not found in ${SAFEHOLD_IMGUI_DIR}.\n"
    "Run packaging/setup-debian.sh: it fetches Debian 13's imgui 1.90.1+ds-1 source package "
    "with apt (signature and hashes checked) and unpacks it there.")
endif()
file(READ "${SAFEHOLD_IMGUI_DIR}/.safehold-verified" _imgui_stamp)
if(NOT _imgui_stamp MATCHES "^1\\.90\\.1\\+ds-1 ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c")
  message(FATAL_ERROR "${SAFEHOLD_IMGUI_DIR} was not unpacked from the pinned imgui 1.90.1+ds-1 "
                      "tarball; remove it and run packaging/setup-debian.sh again.")
endif()

set(_im "${SAFEHOLD_IMGUI_DIR}")
add_library(safehold_imgui STATIC
  ${_im}/imgui.cpp ${_im}/imgui_draw.cpp ${_im}/imgui_tables.cpp ${_im}/imgui_widgets.cpp
  ${_im}/misc/freetype/imgui_freetype.cpp ${_im}/misc/cpp/imgui_stdlib.cpp
  ${_im}/backends/imgui_impl_glfw.cpp ${_im}/backends/imgui_impl_opengl3.cpp)
target_include_directories(safehold_imgui SYSTEM PUBLIC ${_im} ${_im}/backends ${_im}/misc/cpp ${_im}/misc/freetype)
target_compile_definitions(safehold_imgui PUBLIC
  IMGUI_USE_WCHAR32 IMGUI_ENABLE_FREETYPE IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_OBSOLETE_KEYIO IMGUI_DISABLE_DEBUG_TOOLS)
target_link_libraries(safehold_imgui PUBLIC PkgConfig::FREETYPE PkgConfig::GLFW3 OpenGL::GL ${CMAKE_DL_LIBS})
# Third-party code: built without the project's warning flags (no safehold_flags).

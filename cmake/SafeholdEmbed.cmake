# safehold_embed(TARGET <target> NAME <ident> BASE <dir> FILES <files...>)
#
# Compiles data files (vocabularies, entity model, SQL migrations, UI strings)
# into <target>, so a binary always carries exactly the versions it was built
# with and never reads them from a path an attacker could change. Generates
#   namespace safehold::embedded { std::span<const EmbeddedFile> <ident>(); }
# FILES are relative to the current source folder (or absolute). Declared in the generated header "safehold/embedded/<ident>.hpp"; each
# EmbeddedFile has the path relative to BASE and the bytes as a string_view.
function(safehold_embed)
  cmake_parse_arguments(E "" "TARGET;NAME;BASE" "FILES" ${ARGN})
  set(gen_dir ${CMAKE_CURRENT_BINARY_DIR}/embedded)
  set(header ${gen_dir}/include/safehold/embedded/${E_NAME}.hpp)
  set(source ${gen_dir}/${E_NAME}.cpp)
  set(abs_files)
  foreach(f IN LISTS E_FILES)
    get_filename_component(abs ${f} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND abs_files ${abs})
  endforeach()
  add_custom_command(
    OUTPUT ${header} ${source}
    COMMAND ${CMAKE_COMMAND} -DNAME=${E_NAME} -DBASE=${E_BASE} -DHEADER=${header}
            -DSOURCE=${source} "-DFILES=${abs_files}"
            -P ${CMAKE_SOURCE_DIR}/cmake/SafeholdEmbedGenerate.cmake
    DEPENDS ${abs_files} ${CMAKE_SOURCE_DIR}/cmake/SafeholdEmbedGenerate.cmake
    COMMENT "Embedding ${E_NAME}"
    VERBATIM)
  target_sources(${E_TARGET} PRIVATE ${source} ${header})
  # Every generated file names its arrays alike; each stays its own unit.
  set_source_files_properties(${source} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  target_include_directories(${E_TARGET} PUBLIC ${gen_dir}/include)
endfunction()

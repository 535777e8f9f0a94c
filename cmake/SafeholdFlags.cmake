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
if(SAFEHOLD_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# safehold_flags(target): our warnings (as errors) and hardening on one target.
function(safehold_flags target)
  target_compile_options(${target} PRIVATE ${SAFEHOLD_WARNINGS} ${SAFEHOLD_HARDENING})
endfunction()

# Warnings for our own targets only (third-party headers stay quiet as SYSTEM includes).
function(dp_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endfunction()

# dp_library(<stage> SOURCES... [LINKS deps...]): the one way a stage library is declared.
function(dp_library stage)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
  add_library(dp_${stage} STATIC ${ARG_SOURCES})
  target_include_directories(dp_${stage} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(dp_${stage} PUBLIC ${ARG_LINKS})
  dp_warnings(dp_${stage})
endfunction()

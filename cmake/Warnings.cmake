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

# dp_dialect_stage(<stage> LINKS deps...): a pipeline stage split by dialect. The stage's
# shared *.cpp form dp_<stage> (an INTERFACE library while there are none), and each
# dialect folder (pg, sqlite, mysql) with a CMakeLists.txt is added; it defines its own
# dp_<stage>_<dialect>.
function(dp_dialect_stage stage)
  cmake_parse_arguments(ARG "" "" "LINKS" ${ARGN})
  file(GLOB common_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  if(common_sources)
    dp_library(${stage} SOURCES ${common_sources} LINKS ${ARG_LINKS})
  else()
    add_library(dp_${stage} INTERFACE)
    target_include_directories(dp_${stage} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(dp_${stage} INTERFACE ${ARG_LINKS})
  endif()
  foreach(dialect pg sqlite mysql)
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${dialect}/CMakeLists.txt)
      add_subdirectory(${dialect})
    endif()
  endforeach()
endfunction()

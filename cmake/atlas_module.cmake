# One library target per module folder. The folder is reachable by `#include "<module>/x.hpp"`
# only through a private include root that holds a link to that folder alone, and a module sees
# another module's headers only by linking it. So an include that points the wrong way
# (model → engine, store → io …) fails to compile: the dependency direction is enforced.
function(atlas_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;LIBS;TEST_LIBS" ${ARGN})
  set(root "${CMAKE_BINARY_DIR}/include-roots/${name}")
  file(MAKE_DIRECTORY "${root}")
  file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}" "${root}/${name}" SYMBOLIC)

  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp"
       "${CMAKE_CURRENT_SOURCE_DIR}/internal/*.cpp")
  file(GLOB tests CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*_test.cpp"
       "${CMAKE_CURRENT_SOURCE_DIR}/internal/*_test.cpp")
  if(tests)
    list(REMOVE_ITEM sources ${tests})
  endif()

  if(NOT sources)  # a module still being written: keep the tree configurable
    set(sources "${CMAKE_BINARY_DIR}/include-roots/${name}_empty.cpp")
    file(WRITE "${sources}" "// empty module ${name}\n")
  endif()
  add_library(atlas_${name} STATIC ${sources})
  target_include_directories(atlas_${name} PUBLIC "${root}")
  target_link_libraries(atlas_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_LIBS})

  if(ATLAS_TESTS AND tests)
    add_executable(atlas_${name}_test ${tests})
    target_link_libraries(atlas_${name}_test PRIVATE atlas_${name} ${ARG_LIBS} ${ARG_TEST_LIBS}
                          GTest::gtest GTest::gtest_main)
    target_compile_definitions(atlas_${name}_test PRIVATE
                               ATLAS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    gtest_discover_tests(atlas_${name}_test DISCOVERY_TIMEOUT 60
                         WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  endif()
endfunction()

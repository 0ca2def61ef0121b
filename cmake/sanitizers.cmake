# Compiler settings of the sanitizer build (ATLAS_SANITIZE) and the fuzz build (ATLAS_FUZZ).

# libstdc++ 12's <expected> is guarded by __cpp_concepts >= 202002L (P0848, conditionally trivial
# special members). Clang implements P0848 from version 16 but advertises 202002L only from 19, so
# clang 16-18 are told the truth; clang 14 and 15 lack P0848 and cannot compile std::expected.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
    message(FATAL_ERROR "clang ${CMAKE_CXX_COMPILER_VERSION} cannot compile libstdc++'s std::expected "
                        "(needs P0848, clang >= 16); use clang++-16 or g++")
  elseif(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 19)
    add_compile_options(-D__cpp_concepts=202002L -Wno-macro-redefined)
  endif()
endif()

if(ATLAS_FUZZ AND ATLAS_SANITIZE)
  message(FATAL_ERROR "ATLAS_FUZZ already sanitizes (address, undefined): leave ATLAS_SANITIZE off")
endif()

if(ATLAS_SANITIZE)
  # Every UB report stops the test (no recovery), and stacks stay readable.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

if(ATLAS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ATLAS_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-16")
  endif()
  # Libraries get the coverage instrumentation without libFuzzer's main; fuzz/ links the harnesses
  # with -fsanitize=fuzzer.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

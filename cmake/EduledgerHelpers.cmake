# Helpers shared by every target: warnings, sanitizers, one library per layer, one test
# executable per layer (as fmt's setup_target and add_fmt_test).

add_library(eduledger_warnings INTERFACE)
target_compile_options(eduledger_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
# g++ 12 reports -Wrestrict inside libstdc++ for `"literal" + std::string` (GCC bug 105329),
# a false positive in the standard library, not in our code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(eduledger_warnings INTERFACE -Wno-restrict)
endif()
if(EDULEDGER_WERROR)
  target_compile_options(eduledger_warnings INTERFACE -Werror)
endif()
if(EDULEDGER_FUZZ)  # coverage for libFuzzer in every library; the targets link the fuzzer
  add_compile_options(-fsanitize=fuzzer-no-link)
  set(EDULEDGER_SANITIZE ON)
endif()
if(EDULEDGER_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# eduledger_add_layer(<layer> SOURCES ... DEPENDS ...): the static library eduledger_<layer>,
# alias eduledger::<layer>, with includes rooted at src/ and PUBLIC links to the layers below.
# eduledger_unity(<target>): compile the target's sources in batches of eight, so that the
# headers they share (nlohmann/json, CLI11, GoogleTest) are parsed and their inline code
# generated once per batch rather than once per file. Names in anonymous namespaces must
# therefore be unique within a target.
function(eduledger_unity target)
  set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
endfunction()

function(eduledger_add_layer layer)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
  add_library(eduledger_${layer} STATIC ${ARG_SOURCES})
  add_library(eduledger::${layer} ALIAS eduledger_${layer})
  target_compile_features(eduledger_${layer} PUBLIC cxx_std_20)
  target_include_directories(eduledger_${layer} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(eduledger_${layer} PUBLIC ${ARG_DEPENDS} PRIVATE eduledger_warnings
                        ${ARG_PRIVATE_DEPENDS})
  eduledger_unity(eduledger_${layer})
endfunction()

# eduledger_add_test(<layer> SOURCES ... [DEPENDS ...] [LABELS ...]): one GoogleTest executable
# per layer, its tests discovered by ctest.
function(eduledger_add_test layer)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;LABELS" ${ARGN})
  set(target ${layer}_test)
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE eduledger::${layer} ${ARG_DEPENDS} eduledger_testing
                        GTest::gtest_main GTest::gmock eduledger_warnings)
  eduledger_unity(${target})
  if(ARG_LABELS)
    gtest_discover_tests(${target} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 30)
  else()
    gtest_discover_tests(${target} DISCOVERY_TIMEOUT 30)
  endif()
endfunction()

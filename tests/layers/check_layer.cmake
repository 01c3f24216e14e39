# Builds one layer's probes (tests/layers/CMakeLists.txt): OWN must build;
# each FORBIDDEN entry "target=header" must fail, and fail on that header.
function(build_probe target out_result out_output)
  execute_process(
    COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${target}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  set(${out_result} ${result} PARENT_SCOPE)
  set(${out_output} "${output}" PARENT_SCOPE)
endfunction()

build_probe(${OWN} result output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${OWN}: the layer's own header does not build:\n"
          "${output}")
endif()
message(STATUS "${OWN}: builds")

foreach(entry IN LISTS FORBIDDEN)
  string(REPLACE "=" ";" parts "${entry}")
  list(GET parts 0 target)
  list(GET parts 1 header)
  build_probe(${target} result output)
  if(result EQUAL 0)
    message(FATAL_ERROR "${target}: includes ${header} from a layer that is "
            "not below it, and builds")
  endif()
  # g++: "fives/org.h: No such file"; clang: "'fives/org.h' file not found".
  string(REPLACE "." "\\." header_regex "${header}")
  if(NOT output MATCHES "${header_regex}'?:? (No such file|file not found)")
    message(FATAL_ERROR "${target}: fails, but not for not finding "
            "${header}:\n${output}")
  endif()
  message(STATUS "${target}: ${header} not found, as it must be")
endforeach()

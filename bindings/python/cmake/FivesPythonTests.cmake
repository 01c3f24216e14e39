# How CTest runs Python against libfives; included by tests/python and
# examples/python.
#
# fives_python_environment(<var>) sets <var> to the ENVIRONMENT of such a
# test: FIVES_LIBRARY names the library just built, PYTHONPATH the package in
# the source tree, and no bytecode is written into the source tree. In a
# sanitizer build (-fsanitize=address in CMAKE_CXX_FLAGS, the asan preset)
# the interpreter, itself not instrumented, must load the sanitizer runtimes
# before anything else: they are preloaded, and leak detection is off since
# the interpreter keeps memory until exit by design.

find_package(Python3 REQUIRED COMPONENTS Interpreter)

function(fives_python_environment out)
  set(env
    "FIVES_LIBRARY=$<TARGET_FILE:fives_shared>"
    "PYTHONPATH=${PROJECT_SOURCE_DIR}/bindings/python"
    "PYTHONDONTWRITEBYTECODE=1")
  if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*address")
    set(runtimes asan)
    if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*undefined")
      list(APPEND runtimes ubsan)
    endif()
    set(preload)
    foreach(runtime IN LISTS runtimes)
      execute_process(
        COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=lib${runtime}.so
        OUTPUT_VARIABLE path
        OUTPUT_STRIP_TRAILING_WHITESPACE)
      if(NOT IS_ABSOLUTE "${path}" OR NOT EXISTS "${path}")
        message(FATAL_ERROR "Python tests under sanitizers: "
                "${CMAKE_CXX_COMPILER} does not know lib${runtime}.so")
      endif()
      get_filename_component(path "${path}" REALPATH)
      list(APPEND preload "${path}")
    endforeach()
    list(JOIN preload ":" preload)
    list(APPEND env
      "LD_PRELOAD=${preload}"
      "ASAN_OPTIONS=detect_leaks=0"
      "UBSAN_OPTIONS=print_stacktrace=1")
  endif()
  set(${out} "${env}" PARENT_SCOPE)
endfunction()

# What a test needs to load an instrumented libfives into a runtime built
# without sanitizers (Python, Node.js, the JVM); included by
# bindings/python/cmake/FivesPythonTests.cmake and the Node.js and Java hosts.
#
# fives_sanitizer_environment(<var>) sets <var> to the test ENVIRONMENT
# entries: none in a build without AddressSanitizer. In one with it
# (-fsanitize=address in CMAKE_CXX_FLAGS, the asan preset) the runtime must
# load the sanitizer runtimes before anything else: they are preloaded, and
# leak detection is off since such runtimes keep memory until exit by design.
# ThreadSanitizer cannot be preloaded this way: the tsan preset leaves these
# tests out.

function(fives_sanitizer_environment out)
  set(env)
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
        message(FATAL_ERROR "Tests of hosts under sanitizers: "
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

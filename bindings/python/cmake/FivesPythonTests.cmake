# How CTest runs Python against libfives; included by tests/python and
# examples/python.
#
# fives_python_environment(<var>) sets <var> to the ENVIRONMENT of such a
# test: FIVES_LIBRARY names the library just built, PYTHONPATH the package in
# the source tree, and no bytecode is written into the source tree. In a
# sanitizer build (the asan preset) the interpreter, itself not instrumented,
# gets the sanitizer runtimes preloaded (cmake/FivesSanitizerEnvironment.cmake).

find_package(Python3 REQUIRED COMPONENTS Interpreter)
include(${PROJECT_SOURCE_DIR}/cmake/FivesSanitizerEnvironment.cmake)

function(fives_python_environment out)
  set(env
    "FIVES_LIBRARY=$<TARGET_FILE:fives_shared>"
    "PYTHONPATH=${PROJECT_SOURCE_DIR}/bindings/python"
    "PYTHONDONTWRITEBYTECODE=1")
  fives_sanitizer_environment(sanitizer_env)
  list(APPEND env ${sanitizer_env})
  set(${out} "${env}" PARENT_SCOPE)
endfunction()

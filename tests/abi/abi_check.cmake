# abidiff BASELINE LIBRARY; fails with abidiff's report and what to do.
execute_process(
  COMMAND ${ABIDIFF} --no-show-locs --suppressions ${SUPPRESSIONS}
          ${BASELINE} ${LIBRARY}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE report
  ERROR_VARIABLE report)
if(NOT status EQUAL 0)
  # abidiff's exit status: bit 1 an error of its own, bit 2 usage, bit 4 an
  # ABI change, bit 8 an incompatible one.
  math(EXPR incompatible "${status} & 8")
  if(incompatible)
    set(what "an INCOMPATIBLE change: raise the SONAME's version (FIVES_VERSION_MAJOR) and")
  else()
    set(what "a change:")
  endif()
  message(FATAL_ERROR
    "libfives.so differs from capi/abi/libfives.abi (abidiff exit ${status}), "
    "${what} if it is planned, run script/abi-baseline and commit the "
    "baseline with it.\n${report}")
endif()
message(STATUS "libfives.so matches capi/abi/libfives.abi")

# cmake -DLIBRARY=<libfives.so> -DHEADER=<capi/fives.h> -DSONAME=<expected>
#       -DNM=<nm> -DREADELF=<readelf> -P exported_symbols.cmake
#
# libfives.so defines, in its dynamic symbol table, exactly the functions the
# header declares with FIVES_API, each under the version node FIVES_0, and
# nothing else (no Abseil, protobuf or C++ symbol); its SONAME is SONAME.
cmake_minimum_required(VERSION 3.22)
foreach(var LIBRARY HEADER SONAME NM READELF)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "exported_symbols: -D${var}=... missing")
  endif()
endforeach()

execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY}
  OUTPUT_VARIABLE nm_out ERROR_VARIABLE nm_err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} -D --defined-only ${LIBRARY} failed: ${nm_err}")
endif()

# "<address> <type> <name>[@@FIVES_0]" per line.
string(REPLACE "\n" ";" lines "${nm_out}")
set(exported)
set(errors)
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  if(NOT line MATCHES "^[0-9a-fA-F]+ ([A-Za-z]) ([^ @]+)(@@?([^ ]+))?$")
    list(APPEND errors "unexpected nm line: ${line}")
    continue()
  endif()
  set(type ${CMAKE_MATCH_1})
  set(name ${CMAKE_MATCH_2})
  set(node "${CMAKE_MATCH_4}")
  if(name STREQUAL "FIVES_0" AND type STREQUAL "A")
    continue()  # the version node itself
  endif()
  if(NOT name MATCHES "^fives_[a-z0-9_]+$")
    list(APPEND errors "exports a symbol outside the C ABI: ${line}")
  elseif(NOT type STREQUAL "T")
    list(APPEND errors "exports ${name} as type ${type}, not a function (T)")
  elseif(NOT node STREQUAL "" AND NOT node STREQUAL "FIVES_0")
    list(APPEND errors "exports ${name} under version ${node}, not FIVES_0")
  else()
    list(APPEND exported ${name})
  endif()
endforeach()

# The functions the header declares: "FIVES_API <type> fives_x(".
file(READ ${HEADER} header)
string(REGEX MATCHALL "FIVES_API[^;(#]*\\(" declarations "${header}")
set(declared)
foreach(declaration IN LISTS declarations)
  if(declaration MATCHES "(fives_[a-z0-9_]+)[ \t\r\n]*\\($")
    list(APPEND declared ${CMAKE_MATCH_1})
  endif()
endforeach()
list(REMOVE_DUPLICATES declared)
list(LENGTH declared declared_count)
if(declared_count EQUAL 0)
  message(FATAL_ERROR "no FIVES_API declaration found in ${HEADER}")
endif()

foreach(name IN LISTS declared)
  if(NOT name IN_LIST exported)
    list(APPEND errors "${name} is declared in fives.h but not exported")
  endif()
endforeach()
foreach(name IN LISTS exported)
  if(NOT name IN_LIST declared)
    list(APPEND errors "${name} is exported but not declared in fives.h")
  endif()
endforeach()

# The SONAME.
execute_process(COMMAND ${READELF} -d ${LIBRARY}
  OUTPUT_VARIABLE dynamic ERROR_VARIABLE readelf_err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${READELF} -d ${LIBRARY} failed: ${readelf_err}")
endif()
if(dynamic MATCHES "\\(SONAME\\)[^\n]*\\[([^]\n]*)\\]")
  if(NOT CMAKE_MATCH_1 STREQUAL SONAME)
    list(APPEND errors "SONAME is ${CMAKE_MATCH_1}, expected ${SONAME}")
  endif()
else()
  list(APPEND errors "no SONAME in ${LIBRARY}")
endif()

list(LENGTH exported exported_count)
if(errors)
  list(JOIN errors "\n  " text)
  message(FATAL_ERROR "${LIBRARY}:\n  ${text}")
endif()
message(STATUS "${LIBRARY}: SONAME ${SONAME}; exports the ${exported_count} "
        "functions of fives.h under FIVES_0 and nothing else")

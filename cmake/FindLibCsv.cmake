# find_package(LibCsv): libcsv, the C library that parses CSV (Debian:
# libcsv-dev), which ships no CMake package or pkg-config file. Gives
# LibCsv::csv and LibCsv_FOUND. Used by fives' own build and, installed
# beside fivesConfig.cmake, by hosts of fives::fives_static.
find_path(LibCsv_INCLUDE_DIR csv.h)
find_library(LibCsv_LIBRARY csv)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibCsv
  REQUIRED_VARS LibCsv_LIBRARY LibCsv_INCLUDE_DIR)
if(LibCsv_FOUND AND NOT TARGET LibCsv::csv)
  add_library(LibCsv::csv UNKNOWN IMPORTED)
  set_target_properties(LibCsv::csv PROPERTIES
    IMPORTED_LOCATION "${LibCsv_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LibCsv_INCLUDE_DIR}")
endif()
mark_as_advanced(LibCsv_INCLUDE_DIR LibCsv_LIBRARY)

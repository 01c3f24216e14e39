# cmake -DBUILD_DIR=... -DCONFIG=... -DWORK_DIR=... -DCONSUMER_DIR=...
#       -DLIBDIR=... -DBINDIR=... -DINCLUDEDIR=... -DDATADIR=... -DVERSION=...
#       -DSONAME=... -DWITH_COMMAND=ON|OFF -DREADELF=...
#       -DGENERATOR=... -DMAKE_PROGRAM=... -DC_COMPILER=... -DCXX_COMPILER=...
#       -DC_FLAGS=... -DCXX_FLAGS=... -DEXE_LINKER_FLAGS=...
#       -DPKG_CONFIG=... -DPROTOC=... -P install_consumer.cmake
#
# Installs the build in BUILD_DIR into WORK_DIR/prefix with cmake --install,
# checks the installed files, runs the installed fives command (with
# WITH_COMMAND) from the prefix without LD_LIBRARY_PATH, then builds the C
# program of CONSUMER_DIR, copied out of the source tree, against the prefix
# and runs it:
#   1. with CMake, find_package(fives CONFIG): fives::fives (libfives.so)
#      and fives::fives_static (libfives.a), and a C++ program of the C++
#      API and the C ABI with fives::fives_static that includes every
#      installed header;
#   2. with pkg-config: cc $(pkg-config --cflags --libs fives), run with
#      LD_LIBRARY_PATH, and cc ... libfives.a $(pkg-config --static --libs
#      fives), run without.
# The compilers and flags are the build's (so an ASan build makes ASan
# programs).
cmake_minimum_required(VERSION 3.22)
foreach(var BUILD_DIR WORK_DIR CONSUMER_DIR LIBDIR INCLUDEDIR DATADIR VERSION
            SONAME GENERATOR C_COMPILER CXX_COMPILER PKG_CONFIG PROTOC)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "install_consumer: -D${var}=... missing")
  endif()
endforeach()

function(run what)
  execute_process(COMMAND ${ARGN}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    list(JOIN ARGN " " command)
    message(FATAL_ERROR "${what} failed (${rc}):\n${command}\n${out}${err}")
  endif()
  string(STRIP "${out}" out)
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

set(prefix ${WORK_DIR}/prefix)
set(libdir ${prefix}/${LIBDIR})
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# --- cmake --install ----------------------------------------------------------
set(config_args)
if(CONFIG)
  set(config_args --config ${CONFIG})
endif()
run("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR} ${config_args}
    --prefix ${prefix})

string(REGEX REPLACE "^([0-9]+)\\..*" "\\1" major "${VERSION}")
set(expected
  ${INCLUDEDIR}/fives.h
  ${INCLUDEDIR}/fives/score_stats.h
  ${INCLUDEDIR}/fives/journal.h
  ${INCLUDEDIR}/fives/v1/stats.pb.h
  ${INCLUDEDIR}/fives/v1/journal.pb.h
  ${LIBDIR}/libfives.so.${VERSION}
  ${LIBDIR}/libfives.so.${major}
  ${LIBDIR}/libfives.so
  ${LIBDIR}/libfives.a
  ${LIBDIR}/cmake/fives/fivesConfig.cmake
  ${LIBDIR}/cmake/fives/FindLibCsv.cmake
  ${LIBDIR}/cmake/fives/fivesConfigVersion.cmake
  ${LIBDIR}/cmake/fives/fives-targets.cmake
  ${LIBDIR}/cmake/fives/fives-static-targets.cmake
  ${LIBDIR}/pkgconfig/fives.pc
  ${DATADIR}/fives/proto/fives/v1/stats.proto
  ${DATADIR}/fives/proto/fives/v1/journal.proto)
foreach(file IN LISTS expected)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "cmake --install did not install ${file}")
  endif()
endforeach()
foreach(link libfives.so libfives.so.${major})
  if(NOT IS_SYMLINK ${libdir}/${link})
    message(FATAL_ERROR "${LIBDIR}/${link} is not a symbolic link")
  endif()
endforeach()
file(READ_SYMLINK ${libdir}/libfives.so target)
if(NOT target STREQUAL SONAME)
  message(FATAL_ERROR "libfives.so points at ${target}, not ${SONAME}")
endif()

# --- The fives command, from the prefix ----------------------------------------
if(WITH_COMMAND)
  set(fives ${prefix}/${BINDIR}/fives)
  if(NOT EXISTS ${fives})
    message(FATAL_ERROR "cmake --install did not install ${BINDIR}/fives")
  endif()
  # Its run path is the prefix's library folder, relative to the command.
  run("readelf -d ${BINDIR}/fives" ${READELF} -d ${fives})
  if(NOT run_output MATCHES "R(UN)?PATH\\)[^\n]*\\[\\$ORIGIN/\\.\\./${LIBDIR}\\]")
    message(FATAL_ERROR "${BINDIR}/fives has no run path $ORIGIN/../${LIBDIR}:"
            "\n${run_output}")
  endif()
  set(no_library_path ${CMAKE_COMMAND} -E env --unset=LD_LIBRARY_PATH)
  run("fives --version" ${no_library_path} ${fives} --version)
  if(NOT run_output STREQUAL "fives ${VERSION}")
    message(FATAL_ERROR "fives --version: \"${run_output}\", expected "
            "\"fives ${VERSION}\"")
  endif()
  # The demo, and the report of the journal it writes.
  run("fives demo" ${no_library_path} ${fives} demo
      --journal ${WORK_DIR}/demo.journal)
  string(FIND "${run_output}" "\njournal written to ${WORK_DIR}/demo.journal"
         written)
  if(NOT run_output MATCHES "^5S report: Demo MT\n" OR written EQUAL -1)
    message(FATAL_ERROR "fives demo printed:\n${run_output}")
  endif()
  run("fives report" ${no_library_path} ${fives} report
      --journal ${WORK_DIR}/demo.journal)
  if(NOT run_output MATCHES "^5S report: Demo MT\nRound 2026-12 ")
    message(FATAL_ERROR "fives report printed:\n${run_output}")
  endif()
  message(STATUS "${BINDIR}/fives: ${VERSION}, demo and report")
endif()

# The schema compiles from the installed folder alone.
file(GLOB protos RELATIVE ${prefix}/${DATADIR}/fives/proto
     ${prefix}/${DATADIR}/fives/proto/fives/v1/*.proto)
run("protoc over the installed .proto files" ${PROTOC}
    --proto_path=${prefix}/${DATADIR}/fives/proto
    --descriptor_set_out=${WORK_DIR}/fives.pb ${protos})

# The consumer's sources, outside the source tree.
file(COPY ${CONSUMER_DIR}/ DESTINATION ${WORK_DIR}/src)
set(main ${WORK_DIR}/src/main.c)

# --- 1. CMake -----------------------------------------------------------------
set(generator_args -G ${GENERATOR})
if(MAKE_PROGRAM)
  list(APPEND generator_args -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()
set(build_type RelWithDebInfo)
if(CONFIG)
  set(build_type ${CONFIG})
endif()
run("configuring the consumer" ${CMAKE_COMMAND} ${generator_args}
    -S ${WORK_DIR}/src -B ${WORK_DIR}/cmake-build
    -DCMAKE_BUILD_TYPE=${build_type}
    -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
    -DCMAKE_C_COMPILER=${C_COMPILER}
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    "-DCMAKE_C_FLAGS=${C_FLAGS}"
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${EXE_LINKER_FLAGS}"
    -DFIVES_CONSUMER_STATIC=ON)
file(STRINGS ${WORK_DIR}/cmake-build/CMakeCache.txt fives_dir
     REGEX "^fives_DIR:")
if(NOT fives_dir STREQUAL "fives_DIR:PATH=${libdir}/cmake/fives")
  message(FATAL_ERROR "the consumer found fives elsewhere: ${fives_dir}")
endif()
run("building the consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/cmake-build)
run("the consumer (CMake, fives::fives)" ${WORK_DIR}/cmake-build/consumer)
message(STATUS "CMake, fives::fives: ${run_output}")
run("the consumer (CMake, fives::fives_static)"
    ${WORK_DIR}/cmake-build/consumer_static)
message(STATUS "CMake, fives::fives_static: ${run_output}")
run("the C++ consumer (CMake, fives::fives_static)"
    ${WORK_DIR}/cmake-build/consumer_cxx)
message(STATUS "CMake, fives::fives_static from C++: ${run_output}")

# --- 2. pkg-config ------------------------------------------------------------
set(pkg_config ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${libdir}/pkgconfig
    ${PKG_CONFIG})
run("pkg-config --modversion fives" ${pkg_config} --modversion fives)
string(STRIP "${run_output}" modversion)
if(NOT modversion STREQUAL VERSION)
  message(FATAL_ERROR "pkg-config --modversion fives: ${modversion}, "
          "expected ${VERSION}")
endif()
run("pkg-config --variable=protodir fives" ${pkg_config}
    --variable=protodir fives)
string(STRIP "${run_output}" protodir)
if(NOT EXISTS ${protodir}/fives/v1/stats.proto)
  message(FATAL_ERROR "pkg-config protodir ${protodir} has no stats.proto")
endif()

separate_arguments(c_flags UNIX_COMMAND "${C_FLAGS} ${EXE_LINKER_FLAGS}")

# Shared: cc main.c $(pkg-config --cflags --libs fives).
run("pkg-config --cflags --libs fives" ${pkg_config} --cflags --libs fives)
separate_arguments(flags UNIX_COMMAND "${run_output}")
run("cc with pkg-config" ${C_COMPILER} ${c_flags} -o ${WORK_DIR}/consumer_pc
    ${main} ${flags})
run("the consumer (pkg-config)" ${CMAKE_COMMAND} -E env
    LD_LIBRARY_PATH=${libdir} ${WORK_DIR}/consumer_pc)
message(STATUS "pkg-config: ${run_output}")

# The README's line for a prefix the loader does not search: the run path
# from pkg-config's libdir, so the program runs without LD_LIBRARY_PATH.
run("pkg-config --variable=libdir fives" ${pkg_config} --variable=libdir
    fives)
set(pc_libdir "${run_output}")
run("cc with pkg-config and -rpath" ${C_COMPILER} ${c_flags}
    -o ${WORK_DIR}/consumer_pc_rpath ${main} ${flags}
    -Wl,-rpath,${pc_libdir})
run("the consumer (pkg-config, -rpath)" ${CMAKE_COMMAND} -E env
    --unset=LD_LIBRARY_PATH ${WORK_DIR}/consumer_pc_rpath)
message(STATUS "pkg-config with -rpath: ${run_output}")

# Static: libfives.a in place of -lfives, and the private dependencies.
run("pkg-config --static --cflags --libs fives" ${pkg_config} --static
    --cflags --libs fives)
separate_arguments(flags UNIX_COMMAND "${run_output}")
list(TRANSFORM flags REPLACE "^-lfives$" "${libdir}/libfives.a")
run("cc with pkg-config --static" ${C_COMPILER} ${c_flags}
    -o ${WORK_DIR}/consumer_pc_static ${main} ${flags})
run("the consumer (pkg-config --static)" ${WORK_DIR}/consumer_pc_static)
message(STATUS "pkg-config --static: ${run_output}")

# fives_pkg_config_file(<input> <output>): configures fives.pc.
#
# Paths: ${pcfiledir}-relative when the install folders are relative to the
# prefix, so the installed tree can move; absolute otherwise.
# Requires.private: FIVES_PC_REQUIRES_PRIVATE (pkg-config names of the
# packages libfives.a needs). Libs.private: FIVES_PC_LIBS (the libraries it
# needs that have no pkg-config file, as -l flags), then the C++ runtime,
# i.e. the C++ compiler's implicit link libraries a C compiler does not add
# (-lstdc++ -lm with GCC), for C hosts linking libfives.a.
function(fives_pkg_config_file input output)
  set(pcdir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
    set(FIVES_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  else()
    # From <prefix>/<libdir>/pkgconfig back up to <prefix>.
    file(RELATIVE_PATH up "/fives-prefix/${pcdir}" "/fives-prefix")
    string(REGEX REPLACE "/$" "" up "${up}")
    set(FIVES_PC_PREFIX "\${pcfiledir}/${up}")
  endif()
  foreach(dir LIBDIR INCLUDEDIR)
    if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
      set(FIVES_PC_${dir} "${CMAKE_INSTALL_${dir}}")
    else()
      set(FIVES_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
    endif()
  endforeach()
  if(IS_ABSOLUTE "${FIVES_INSTALL_PROTODIR}")
    set(FIVES_PC_PROTODIR "${FIVES_INSTALL_PROTODIR}")
  else()
    set(FIVES_PC_PROTODIR "\${prefix}/${FIVES_INSTALL_PROTODIR}")
  endif()

  string(REPLACE ";" " " FIVES_PC_REQUIRES_PRIVATE
         "${FIVES_PC_REQUIRES_PRIVATE}")

  set(libs ${FIVES_PC_LIBS} ${FIVES_PC_THREADS})
  foreach(lib IN LISTS CMAKE_CXX_IMPLICIT_LINK_LIBRARIES)
    if(NOT lib IN_LIST CMAKE_C_IMPLICIT_LINK_LIBRARIES)
      if(lib MATCHES "^-")
        list(APPEND libs "${lib}")
      else()
        list(APPEND libs "-l${lib}")
      endif()
    endif()
  endforeach()
  list(REMOVE_DUPLICATES libs)
  string(REPLACE ";" " " FIVES_PC_LIBS_PRIVATE "${libs}")

  configure_file(${input} ${output} @ONLY)
endfunction()

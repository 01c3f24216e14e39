#include "fives/version.h"

// FIVES_VERSION is the CMake project's version, set for this file alone.
#ifndef FIVES_VERSION
#error "FIVES_VERSION is set by CMakeLists.txt"
#endif

namespace fives {

absl::string_view VersionString() { return FIVES_VERSION; }

}  // namespace fives

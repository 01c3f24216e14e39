#include "fives/version.h"

// FIVES_PROJECT_VERSION is the CMake project's version (read from the C
// header's FIVES_VERSION_* numbers), set for this file alone.
#ifndef FIVES_PROJECT_VERSION
#error "FIVES_PROJECT_VERSION is set by lib/CMakeLists.txt"
#endif

namespace fives {

absl::string_view VersionString() { return FIVES_PROJECT_VERSION; }

}  // namespace fives

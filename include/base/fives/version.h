/// @file
/// The version of the fives library.
#ifndef FIVES_VERSION_H_
#define FIVES_VERSION_H_

#include "absl/strings/string_view.h"

namespace fives {

/// "MAJOR.MINOR.PATCH" of this build of the library, the version of the
/// CMake project (the same as the C ABI's fives_version_string()).
absl::string_view VersionString();

}  // namespace fives

#endif  // FIVES_VERSION_H_

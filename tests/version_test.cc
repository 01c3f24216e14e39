// fives::VersionString() against the version the C ABI's header gives.
#include "fives/version.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "fives.h"
#include "gtest/gtest.h"

namespace fives {
namespace {

TEST(VersionTest, IsTheVersionOfTheCHeader) {
  EXPECT_EQ(VersionString(),
            absl::StrCat(FIVES_VERSION_MAJOR, ".", FIVES_VERSION_MINOR, ".",
                         FIVES_VERSION_PATCH));
}

}  // namespace
}  // namespace fives

/* Includes fives.h and uses one declaration of each kind, so that compiling
 * it with a language standard's -pedantic and warnings as errors shows the
 * header is valid there (tests/c/CMakeLists.txt compiles it as C89 to C2x
 * and, as C++, C++98 to C++20). */
#include "fives.h"

int main(void) {
  fives_buffer buffer = FIVES_BUFFER_INIT;
  fives_limit limit = FIVES_LIMIT_MEMBERS;
  const char* name = fives_status_name(FIVES_NOT_FOUND);
  fives_buffer_free(&buffer);
  return name != NULL && fives_limit_get(limit) > 0 ? 0 : 1;
}

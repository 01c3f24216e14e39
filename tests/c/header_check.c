/* Includes fives.h and uses one declaration of each kind, so that compiling
 * it with a language standard's -pedantic and warnings as errors shows the
 * header is valid there (tests/c/CMakeLists.txt compiles it as C89 to C2x
 * and, as C++, C++98 to C++20). */
#include "fives.h"

int main(void) {
  fives_buffer buffer = FIVES_BUFFER_INIT;
  fives_limit limit = FIVES_LIMIT_MEMBERS;
  fives_status status = FIVES_NOT_FOUND;
  fives_format format = FIVES_FORMAT_JSON;
  fives_pillar pillar = FIVES_PILLAR_SUCCESS;
  fives_round_mode mode = FIVES_ROUND_CONFIDENTIAL;
  fives_label label = FIVES_LABEL_SPLIT;
  fives_document document = FIVES_DOCUMENT_TREND;
  const char* name = fives_status_name(status);
  const char version[] = FIVES_VERSION;
  int sizes_are_int =
      sizeof status == sizeof(int) && sizeof format == sizeof(int) &&
      sizeof pillar == sizeof(int) && sizeof mode == sizeof(int) &&
      sizeof label == sizeof(int) && sizeof document == sizeof(int) &&
      sizeof limit == sizeof(int);
  fives_buffer_free(&buffer);
  return name != NULL && fives_limit_get(limit) > 0 && sizes_are_int &&
                 version[0] != '\0'
             ? 0
             : 1;
}

/* The whole C ABI of fives (capi/fives.h), driven from C99 in the manner of
 * leveldb's db/c_test.c: every function on its success path, and every error
 * path a C caller can reach (NULL handles and pointers, bad strings, bad
 * enumerations and formats, malformed messages, oversized inputs, damaged
 * files). Each failed call must also leave everything as it was.
 *
 * Compiled as C99 (-std=c99 -Wall -Wextra -pedantic -Werror) with POSIX for
 * temporary files, fork and threads. Usage: capi_test [TEMP_DIR]. The last
 * line of the output is "N passed, M failed"; the exit status is non-zero on
 * any failure.
 *
 * Not tested, on purpose: a freed fives_journal. Using a handle after
 * fives_journal_free is undefined behaviour in C, as for any freed pointer;
 * the library refuses only what it can detect without undefined behaviour
 * in the caller: a pointer to readable memory that does not start with the
 * handle's magic number (see TestFakeHandle). */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fives.h"

/* ---- Checks ---- */

static int passed = 0;
static int failed = 0;
static const char* phase = "";

static void StartPhase(const char* name) {
  phase = name;
  fprintf(stderr, "=== %s\n", name);
}

static void Check(int ok, const char* what, int line) {
  if (ok) {
    ++passed;
    return;
  }
  ++failed;
  fprintf(stderr, "FAILED line %d [%s]: %s\n", line, phase, what);
}
#define CHECK(cond) Check((cond) != 0, #cond, __LINE__)

/* `rc` is FIVES_OK and the thread's last error is "". */
static void CheckOk(int rc, const char* what, int line) {
  const char* error = fives_last_error();
  if (rc == FIVES_OK && error != NULL && error[0] == '\0') {
    ++passed;
    return;
  }
  ++failed;
  fprintf(stderr, "FAILED line %d [%s]: %s returned %d: \"%s\"\n", line, phase,
          what, rc, error == NULL ? "(NULL)" : error);
}
#define CHECK_OK(call) CheckOk((call), #call, __LINE__)

/* `rc` is `code` and the last error is a message containing `needle`. */
static void CheckError(int rc, int code, const char* needle, const char* what,
                       int line) {
  const char* error = fives_last_error();
  if (rc == code && error != NULL && error[0] != '\0' &&
      (needle == NULL || strstr(error, needle) != NULL)) {
    ++passed;
    return;
  }
  ++failed;
  fprintf(stderr,
          "FAILED line %d [%s]: %s returned %d: \"%s\"; expected %d with "
          "\"%s\"\n",
          line, phase, what, rc, error == NULL ? "(NULL)" : error, code,
          needle == NULL ? "" : needle);
}
#define CHECK_ERROR(code, needle, call) \
  CheckError((call), (code), (needle), #call, __LINE__)

/* The journal as serialized bytes, to prove a failed call changed nothing. */
typedef struct Snapshot {
  fives_buffer bytes;
} Snapshot;

static Snapshot TakeSnapshot(const fives_journal* j) {
  Snapshot s;
  s.bytes.data = NULL;
  s.bytes.len = 0;
  if (j != NULL &&
      fives_journal_serialize(&s.bytes, j, FIVES_FORMAT_BINARY) != FIVES_OK) {
    s.bytes.data = NULL;
  }
  return s;
}

static void CheckSnapshot(const fives_journal* j, Snapshot* before, int line) {
  if (j == NULL) return;
  Snapshot after = TakeSnapshot(j);
  Check(before->bytes.data != NULL && after.bytes.data != NULL &&
            before->bytes.len == after.bytes.len &&
            memcmp(before->bytes.data, after.bytes.data, after.bytes.len) == 0,
        "the failed call left the journal unchanged", line);
  fives_buffer_free(&before->bytes);
  fives_buffer_free(&after.bytes);
}

/* Runs `call`, which may write into the buffer `out` this macro declares,
 * and expects it to fail with `code` and a message containing `needle`,
 * with `out` still empty and the journal `j` (or NULL) unchanged. */
#define EXPECT_FAIL(j, code, needle, call)                            \
  do {                                                                \
    fives_buffer out = FIVES_BUFFER_INIT;                             \
    Snapshot snapshot_ = TakeSnapshot(j);                             \
    CheckError((call), (code), (needle), #call, __LINE__);            \
    Check(out.data == NULL && out.len == 0, "out left empty: " #call, \
          __LINE__);                                                  \
    CheckSnapshot((j), &snapshot_, __LINE__);                         \
    fives_buffer_free(&out);                                          \
  } while (0)

/* ---- Small helpers ---- */

static const char* Text(const fives_buffer* b) {
  return b->data == NULL ? "" : (const char*)b->data;
}

/* A text result: non-empty, NUL-terminated at len, no NUL before. */
static int IsText(const fives_buffer* b) {
  return b->data != NULL && b->len > 0 && b->data[b->len] == 0 &&
         strlen((const char*)b->data) == b->len;
}

static int Contains(const fives_buffer* b, const char* needle) {
  return b->data != NULL && strstr((const char*)b->data, needle) != NULL;
}

static int CountOf(const char* haystack, const char* needle) {
  int n = 0;
  const size_t len = strlen(needle);
  const char* p = haystack;
  while ((p = strstr(p, needle)) != NULL) {
    ++n;
    p += len;
  }
  return n;
}

static int Near(double a, double b) {
  const double d = a - b;
  return d < 1e-9 && d > -1e-9;
}

/* The number after the first `"key":` in a JSON text, minimally. */
static int JsonNumber(const char* json, const char* key, double* value) {
  char pattern[64];
  const char* at;
  char* end;
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  at = strstr(json, pattern);
  if (at == NULL) return 0;
  *value = strtod(at + strlen(pattern), &end);
  return end != at + strlen(pattern);
}

/* Protobuf wire format, enough to write requests without protobuf. */
typedef struct Proto {
  uint8_t data[2048];
  size_t len;
} Proto;

static void PutVarint(Proto* p, uint64_t v) {
  while (v >= 0x80) {
    p->data[p->len++] = (uint8_t)(v | 0x80);
    v >>= 7;
  }
  p->data[p->len++] = (uint8_t)v;
}

static void PutBytes(Proto* p, int field, const void* data, size_t len) {
  PutVarint(p, (uint64_t)field << 3 | 2);
  PutVarint(p, len);
  memcpy(p->data + p->len, data, len);
  p->len += len;
}

static void PutString(Proto* p, int field, const char* s) {
  PutBytes(p, field, s, strlen(s));
}

static void PutInt(Proto* p, int field, uint64_t v) {
  PutVarint(p, (uint64_t)field << 3);
  PutVarint(p, v);
}

static const uint8_t* U8(const char* s) { return (const uint8_t*)s; }

static char temp_dir[4096];

static void PathIn(char* path, size_t size, const char* name) {
  snprintf(path, size, "%s/%s", temp_dir, name);
}

static int WriteFile(const char* path, const uint8_t* data, size_t len) {
  FILE* f = fopen(path, "wb");
  size_t written;
  if (f == NULL) return 0;
  written = len == 0 ? 0 : fwrite(data, 1, len, f);
  return fclose(f) == 0 && written == len;
}

/* The whole file in a malloc'ed block; NULL when it cannot be read. */
static uint8_t* ReadFile(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  uint8_t* data;
  long size;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return NULL;
  }
  data = (uint8_t*)malloc((size_t)size + 1);
  if (data != NULL && fread(data, 1, (size_t)size, f) != (size_t)size) {
    free(data);
    data = NULL;
  }
  fclose(f);
  *len = (size_t)size;
  return data;
}

/* A string of `len` bytes 'a'. */
static char* LongString(size_t len) {
  char* s = (char*)malloc(len + 1);
  if (s == NULL) abort();
  memset(s, 'a', len);
  s[len] = 0;
  return s;
}

/* Sizes beyond the library's limits; the library must refuse them from the
 * length alone, without reading the (small) memory passed with them. */
static const size_t kTooManyBytes = ((size_t)1 << 28) + 1;
static const size_t kTooManyScores = (size_t)1 << 31;

/* ---- Versions, errors, buffers ---- */

static void TestVersion(void) {
  char expected[32];
  StartPhase("version");
  CHECK(FIVES_VERSION_NUMBER == FIVES_VERSION_MAJOR * 10000 +
                                    FIVES_VERSION_MINOR * 100 +
                                    FIVES_VERSION_PATCH);
  CHECK(fives_version_number() == FIVES_VERSION_NUMBER);
  snprintf(expected, sizeof expected, "%d.%d.%d", FIVES_VERSION_MAJOR,
           FIVES_VERSION_MINOR, FIVES_VERSION_PATCH);
  CHECK(fives_version_string() != NULL);
  CHECK(strcmp(fives_version_string(), expected) == 0);
  /* The header's string is made of the same three numbers. */
  CHECK(strcmp(FIVES_VERSION, expected) == 0);
  /* Static storage: the same pointer every time. */
  CHECK(fives_version_string() == fives_version_string());
}

static void TestLastError(void) {
  fives_buffer out = FIVES_BUFFER_INIT;
  const char* first;
  StartPhase("last error");
  CHECK(fives_last_error() != NULL);
  CHECK(fives_catalog(NULL, FIVES_FORMAT_JSON) == FIVES_INVALID_ARGUMENT);
  first = fives_last_error();
  CHECK(first != NULL && strstr(first, "out") != NULL);
  /* Reading the message does not change it. */
  CHECK(strcmp(fives_last_error(), first) == 0);
  /* A successful call clears it. */
  CHECK_OK(fives_catalog(&out, FIVES_FORMAT_BINARY));
  CHECK(fives_last_error() != NULL && fives_last_error()[0] == '\0');
  fives_buffer_free(&out);
  /* Codes keep their values (they mirror absl::StatusCode). */
  CHECK(FIVES_OK == 0 && FIVES_CANCELLED == 1 && FIVES_UNKNOWN == 2 &&
        FIVES_INVALID_ARGUMENT == 3 && FIVES_DEADLINE_EXCEEDED == 4 &&
        FIVES_NOT_FOUND == 5 && FIVES_ALREADY_EXISTS == 6 &&
        FIVES_PERMISSION_DENIED == 7 && FIVES_RESOURCE_EXHAUSTED == 8 &&
        FIVES_FAILED_PRECONDITION == 9 && FIVES_ABORTED == 10 &&
        FIVES_OUT_OF_RANGE == 11 && FIVES_UNIMPLEMENTED == 12 &&
        FIVES_INTERNAL == 13 && FIVES_UNAVAILABLE == 14 &&
        FIVES_DATA_LOSS == 15 && FIVES_UNAUTHENTICATED == 16);
  /* Each code's name, as the header spells it. */
  CHECK(strcmp(fives_status_name(FIVES_OK), "FIVES_OK") == 0);
  CHECK(strcmp(fives_status_name(FIVES_CANCELLED), "FIVES_CANCELLED") == 0);
  CHECK(strcmp(fives_status_name(FIVES_INVALID_ARGUMENT),
               "FIVES_INVALID_ARGUMENT") == 0);
  CHECK(strcmp(fives_status_name(FIVES_NOT_FOUND), "FIVES_NOT_FOUND") == 0);
  CHECK(strcmp(fives_status_name(FIVES_RESOURCE_EXHAUSTED),
               "FIVES_RESOURCE_EXHAUSTED") == 0);
  CHECK(strcmp(fives_status_name(FIVES_FAILED_PRECONDITION),
               "FIVES_FAILED_PRECONDITION") == 0);
  CHECK(strcmp(fives_status_name(FIVES_ABORTED), "FIVES_ABORTED") == 0);
  CHECK(strcmp(fives_status_name(FIVES_DATA_LOSS), "FIVES_DATA_LOSS") == 0);
  CHECK(strcmp(fives_status_name(FIVES_UNAUTHENTICATED),
               "FIVES_UNAUTHENTICATED") == 0);
  CHECK(fives_status_name(-1) == NULL);
  CHECK(fives_status_name(17) == NULL);
  /* Static storage: the same pointer every time. */
  CHECK(fives_status_name(FIVES_ABORTED) == fives_status_name(FIVES_ABORTED));
}

/* fives_error_take on one thread (capi_threads_test takes them across
 * threads): the latest failure per first argument, taken once, at most 256
 * kept. */
static void TestErrorTake(void) {
  fives_buffer message = FIVES_BUFFER_INIT;
  fives_buffer outs[300];
  fives_buffer filled;
  int i;
  StartPhase("error take");
  for (i = 0; i < 300; ++i) {
    outs[i].data = NULL;
    outs[i].len = 0;
  }
  filled.data = NULL;
  filled.len = 0;
  /* Two failures with the same out-parameter: the later one is kept. */
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "pillar",
              fives_pillar_texts(&outs[0], 9, "en", FIVES_FORMAT_JSON));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "format", fives_catalog(&outs[0], 42));
  CHECK_OK(fives_error_take(&message, &outs[0]));
  CHECK(strcmp((const char*)message.data,
               "format: 42 is not FIVES_FORMAT_BINARY (1), FIVES_FORMAT_JSON "
               "(2) or FIVES_FORMAT_TEXT (3)") == 0);
  CHECK(message.len == strlen((const char*)message.data));
  fives_buffer_free(&message);
  /* Taken: gone; and the failed take kept nothing under `message`. */
  CHECK_ERROR(FIVES_NOT_FOUND, "first_argument",
              fives_error_take(&message, &outs[0]));
  CHECK_ERROR(FIVES_NOT_FOUND, "first_argument",
              fives_error_take(&outs[1], &message));
  /* A pointer never used in a call. */
  CHECK_ERROR(FIVES_NOT_FOUND, "first_argument",
              fives_error_take(&message, &filled));
  /* The message buffer is checked as every out-parameter is. */
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "NULL", fives_error_take(NULL, &outs[0]));
  /* 300 failures: the 44 oldest are pushed out, the 256 newest kept. */
  for (i = 0; i < 300; ++i) {
    CHECK_ERROR(FIVES_INVALID_ARGUMENT, "format", fives_catalog(&outs[i], 42));
  }
  for (i = 0; i < 300; ++i) {
    const int rc = fives_error_take(&message, &outs[i]);
    CHECK(rc == (i < 44 ? FIVES_NOT_FOUND : FIVES_OK));
    fives_buffer_free(&message);
  }
}

/* ---- Refusals for people ---- */

/* What a date that does not exist says, to developers and to people. */
static const char kBadDateMessage[] =
    "date: \"2027-02-30\" is not a date: February 2027 has 28 days";
static const char kBadDateEnglish[] =
    "\"2027-02-30\" is not a date: February 2027 has 28 days";
static const char kBadDateDutch[] =
    "\"2027-02-30\" is geen datum: februari 2027 heeft 28 dagen";

static int TextIs(const fives_buffer* b, const char* expected) {
  return IsText(b) && strcmp((const char*)b->data, expected) == 0;
}

/* The text of the fives.v1.Error `error` (binary) in `language`. */
static int ErrorTextIs(const fives_buffer* error, const char* language,
                       const char* expected) {
  fives_buffer text = FIVES_BUFFER_INIT;
  int ok = fives_error_text(&text, error->data, error->len, FIVES_FORMAT_BINARY,
                            language) == FIVES_OK &&
           TextIs(&text, expected);
  if (!ok) {
    fprintf(stderr, "  text in %s: \"%s\" (%s)\n", language,
            text.data != NULL ? (const char*)text.data : "",
            fives_last_error());
  }
  fives_buffer_free(&text);
  return ok;
}

/* The last error of this thread in `language` is `expected`, and asking
 * left the last error as it was. */
static int LastErrorTextIs(const char* language, const char* expected) {
  fives_buffer text = FIVES_BUFFER_INIT;
  const char* before = fives_last_error();
  char kept[512];
  int ok;
  snprintf(kept, sizeof kept, "%s", before);
  ok = fives_last_error_text(&text, language) == FIVES_OK &&
       TextIs(&text, expected) && strcmp(fives_last_error(), kept) == 0;
  if (!ok) {
    fprintf(stderr, "  last error in %s: \"%s\"\n", language,
            text.data != NULL ? (const char*)text.data : "");
  }
  fives_buffer_free(&text);
  return ok;
}

/* fives_last_error_detail, fives_last_error_text and fives_error_text on
 * this thread. */
static void TestErrorDetail(void) {
  fives_journal* j = NULL;
  fives_buffer error = FIVES_BUFFER_INIT;
  fives_buffer text = FIVES_BUFFER_INIT;
  fives_buffer json = FIVES_BUFFER_INIT;
  uint8_t sentinel[4] = {1, 2, 3, 4};
  fives_buffer filled;
  static const uint8_t kGarbage[] = {0xff, 0xff, 0xff, 0xff, 0xff};
  static const char kNotJson[] = "{\"status\": ";
  StartPhase("error detail");
  filled.data = sentinel;
  filled.len = sizeof sentinel;
  CHECK_OK(fives_journal_new(&j, "t", "T", NULL, 0, 0));
  if (j == NULL) return;

  /* After a successful call there is no last error. */
  CHECK(fives_last_error_detail(&error, FIVES_FORMAT_BINARY) ==
        FIVES_NOT_FOUND);
  CHECK(error.data == NULL);
  CHECK(fives_last_error_text(&text, "en") == FIVES_NOT_FOUND);
  CHECK(text.data == NULL);
  CHECK(fives_last_error()[0] == '\0');

  /* A date that does not exist: the message for developers, and the text
   * for people in either language. Asking changes neither. */
  CHECK_ERROR(
      FIVES_INVALID_ARGUMENT, kBadDateMessage,
      fives_journal_start_round(j, "q1", "2027-02-30", FIVES_ROUND_OPEN));
  CHECK(strcmp(fives_last_error(), kBadDateMessage) == 0);
  CHECK(LastErrorTextIs("nl", kBadDateDutch));
  CHECK(LastErrorTextIs("en", kBadDateEnglish));
  CHECK(LastErrorTextIs("NL", kBadDateDutch));
  /* The whole failure, in each format, as often as asked. */
  CHECK(fives_last_error_detail(&error, FIVES_FORMAT_TEXT) == FIVES_OK);
  CHECK(IsText(&error) && Contains(&error, "status: 3") &&
        Contains(&error, "code: ERROR_CODE_DATE_DAYS_IN_MONTH") &&
        Contains(&error, "text: \"2027-02-30\"") &&
        Contains(&error, "phrase: \"month_2\"") &&
        Contains(&error, "text: \"28\""));
  fives_buffer_free(&error);
  CHECK(fives_last_error_detail(&error, FIVES_FORMAT_JSON) == FIVES_OK);
  CHECK(IsText(&error) &&
        Contains(&error, "\"code\":\"ERROR_CODE_DATE_DAYS_IN_MONTH\"") &&
        Contains(&error, "\"status\":3"));
  fives_buffer_free(&error);
  CHECK(fives_last_error_detail(&error, FIVES_FORMAT_BINARY) == FIVES_OK);
  CHECK(error.data != NULL && error.len > 0);
  CHECK(strcmp(fives_last_error(), kBadDateMessage) == 0);
  /* fives_error_text writes it in a language, from any format. */
  CHECK(ErrorTextIs(&error, "nl", kBadDateDutch));
  CHECK(ErrorTextIs(&error, "en", kBadDateEnglish));
  CHECK_OK(fives_message_convert(&json, "fives.v1.Error", error.data, error.len,
                                 FIVES_FORMAT_BINARY, FIVES_FORMAT_JSON));
  CHECK_OK(
      fives_error_text(&text, json.data, json.len, FIVES_FORMAT_JSON, "nl"));
  CHECK(TextIs(&text, kBadDateDutch));
  fives_buffer_free(&text);
  fives_buffer_free(&json);

  /* fives_error_text is an ordinary call: it refuses a bad language or
   * message naming the field and the value, and replaces the last error. */
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "language: \"de\"",
              fives_error_text(&text, error.data, error.len,
                               FIVES_FORMAT_BINARY, "de"));
  CHECK(text.data == NULL);
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "language: NULL",
              fives_error_text(&text, error.data, error.len,
                               FIVES_FORMAT_BINARY, NULL));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT,
              "error: the bytes are not a fives.v1.Error",
              fives_error_text(&text, kGarbage, sizeof kGarbage,
                               FIVES_FORMAT_BINARY, "en"));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "error",
              fives_error_text(&text, (const uint8_t*)kNotJson,
                               strlen(kNotJson), FIVES_FORMAT_JSON, "en"));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "error: NULL with length 3",
              fives_error_text(&text, NULL, 3, FIVES_FORMAT_BINARY, "en"));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "format: 7",
              fives_error_text(&text, error.data, error.len, 7, "en"));
  CHECK_ERROR(
      FIVES_INVALID_ARGUMENT, "out: NULL",
      fives_error_text(NULL, error.data, error.len, FIVES_FORMAT_BINARY, "en"));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "out: not empty",
              fives_error_text(&filled, error.data, error.len,
                               FIVES_FORMAT_BINARY, "en"));
  CHECK(filled.data == sentinel && filled.len == sizeof sentinel);
  /* Its own failures have no detail: their text is their message. */
  CHECK(LastErrorTextIs("nl",
                        "out: not empty (free it with "
                        "fives_buffer_free, or start from "
                        "FIVES_BUFFER_INIT)"));
  /* An empty message is an Error without anything in it: no text. */
  CHECK_OK(fives_error_text(&text, NULL, 0, FIVES_FORMAT_BINARY, "en"));
  CHECK(text.data != NULL && text.len == 0 && text.data[0] == 0);
  fives_buffer_free(&text);
  fives_buffer_free(&error);

  /* The calls on the last error fail with a code only, the last error as
   * it was. */
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, kBadDateMessage,
              fives_journal_close_round(j, "q1", "2027-02-30"));
  CHECK(fives_last_error_text(&text, "de") == FIVES_INVALID_ARGUMENT);
  CHECK(fives_last_error_text(&text, NULL) == FIVES_INVALID_ARGUMENT);
  CHECK(fives_last_error_text(NULL, "en") == FIVES_INVALID_ARGUMENT);
  CHECK(fives_last_error_text(&filled, "en") == FIVES_INVALID_ARGUMENT);
  CHECK(text.data == NULL);
  CHECK(fives_last_error_detail(&error, 7) == FIVES_INVALID_ARGUMENT);
  CHECK(fives_last_error_detail(NULL, FIVES_FORMAT_BINARY) ==
        FIVES_INVALID_ARGUMENT);
  CHECK(fives_last_error_detail(&filled, FIVES_FORMAT_BINARY) ==
        FIVES_INVALID_ARGUMENT);
  CHECK(error.data == NULL);
  CHECK(filled.data == sentinel && filled.len == sizeof sentinel);
  CHECK(strcmp(fives_last_error(), kBadDateMessage) == 0);
  CHECK(LastErrorTextIs("nl", kBadDateDutch));
  /* The next ordinary call clears it. */
  CHECK_OK(fives_catalog(&text, FIVES_FORMAT_BINARY));
  fives_buffer_free(&text);
  CHECK(fives_last_error_text(&text, "nl") == FIVES_NOT_FOUND);
  CHECK(fives_last_error_detail(&error, FIVES_FORMAT_TEXT) == FIVES_NOT_FOUND);

  /* The other ways a date is wrong. */
  CHECK(fives_journal_start_round(j, "q1", "2027-13-01", FIVES_ROUND_OPEN) ==
        FIVES_INVALID_ARGUMENT);
  CHECK(LastErrorTextIs("nl",
                        "\"2027-13-01\" is geen datum: er is geen "
                        "maand 13"));
  CHECK(LastErrorTextIs("en",
                        "\"2027-13-01\" is not a date: there is no "
                        "month 13"));
  CHECK(fives_journal_start_round(j, "q1", "2027-01-00", FIVES_ROUND_OPEN) ==
        FIVES_INVALID_ARGUMENT);
  CHECK(LastErrorTextIs("nl",
                        "\"2027-01-00\" is geen datum: er is geen "
                        "dag 0"));
  CHECK(fives_journal_start_round(j, "q1", "1 maart", FIVES_ROUND_OPEN) ==
        FIVES_INVALID_ARGUMENT);
  CHECK(LastErrorTextIs("nl",
                        "\"1 maart\" is geen datum van de vorm "
                        "JJJJ-MM-DD"));
  CHECK(LastErrorTextIs("en",
                        "\"1 maart\" is not a date of the form "
                        "YYYY-MM-DD"));

  /* A failure without a detail, one only a program can cause: its text is
   * its English message in every language, and its Error has no detail. */
  CHECK_ERROR(
      FIVES_INVALID_ARGUMENT, "journal: NULL",
      fives_journal_start_round(NULL, "q1", "2027-03-01", FIVES_ROUND_OPEN));
  CHECK(LastErrorTextIs("nl", "journal: NULL"));
  CHECK(LastErrorTextIs("en", "journal: NULL"));
  CHECK(fives_last_error_detail(&error, FIVES_FORMAT_TEXT) == FIVES_OK);
  CHECK(Contains(&error, "status: 3") &&
        Contains(&error, "message: \"journal: NULL\"") &&
        !Contains(&error, "detail"));
  fives_buffer_free(&error);
  CHECK(fives_last_error_detail(&error, FIVES_FORMAT_BINARY) == FIVES_OK);
  CHECK(ErrorTextIs(&error, "nl", "journal: NULL"));
  fives_buffer_free(&error);

  /* A message that quotes bytes which are not UTF-8 (JSON a host got
   * wrong): the fives.v1.Error writes them as \xNN, so it parses back. */
  {
    static const char kBadJson[] = "{\"id\": \"a\xc2\"}";
    CHECK(fives_message_convert(&text, "fives.v1.Team",
                                (const uint8_t*)kBadJson, strlen(kBadJson),
                                FIVES_FORMAT_JSON,
                                FIVES_FORMAT_BINARY) == FIVES_INVALID_ARGUMENT);
    CHECK(strstr(fives_last_error(), "\xc2") != NULL);
    CHECK(fives_last_error_detail(&error, FIVES_FORMAT_BINARY) == FIVES_OK);
    CHECK_OK(fives_error_text(&text, error.data, error.len, FIVES_FORMAT_BINARY,
                              "en"));
    CHECK(IsText(&text) && Contains(&text, "data: ") &&
          Contains(&text, "\\xc2") && !Contains(&text, "\xc2"));
    fives_buffer_free(&text);
    fives_buffer_free(&error);
  }
  fives_journal_free(j);
}

/* A call that failed on a worker thread: its whole failure taken on this
 * one by the call's first argument. */
typedef struct DatedFailure {
  fives_journal* journal;
  int code;
} DatedFailure;

static void* FailWithBadDate(void* arg) {
  DatedFailure* f = (DatedFailure*)arg;
  f->code = fives_journal_start_round(f->journal, "q1", "2027-02-30",
                                      FIVES_ROUND_OPEN);
  return NULL;
}

static void TestErrorTakeDetail(void) {
  DatedFailure f;
  pthread_t thread;
  fives_buffer error = FIVES_BUFFER_INIT;
  fives_buffer message = FIVES_BUFFER_INIT;
  StartPhase("error take detail");
  f.journal = NULL;
  f.code = FIVES_OK;
  CHECK_OK(fives_journal_new(&f.journal, "t", "T", NULL, 0, 0));
  if (f.journal == NULL) return;
  CHECK(pthread_create(&thread, NULL, FailWithBadDate, &f) == 0);
  pthread_join(thread, NULL);
  CHECK(f.code == FIVES_INVALID_ARGUMENT);
  /* This thread's last error is not the worker's. */
  CHECK(fives_last_error()[0] == '\0');
  CHECK(fives_last_error_detail(&error, FIVES_FORMAT_BINARY) ==
        FIVES_NOT_FOUND);
  /* A take that fails keeps the failure. */
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "format: 9",
              fives_error_take_detail(&error, f.journal, 9));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_error_take_detail(NULL, f.journal, FIVES_FORMAT_BINARY));
  CHECK_OK(fives_error_take_detail(&error, f.journal, FIVES_FORMAT_BINARY));
  CHECK(ErrorTextIs(&error, "nl", kBadDateDutch));
  CHECK(ErrorTextIs(&error, "en", kBadDateEnglish));
  fives_buffer_free(&error);
  /* Taken: forgotten, for either take. */
  CHECK_ERROR(FIVES_NOT_FOUND, "first_argument",
              fives_error_take_detail(&error, f.journal, FIVES_FORMAT_BINARY));
  CHECK_ERROR(FIVES_NOT_FOUND, "first_argument",
              fives_error_take(&message, f.journal));
  /* fives_error_take forgets it too; the failure in text format. */
  CHECK(pthread_create(&thread, NULL, FailWithBadDate, &f) == 0);
  pthread_join(thread, NULL);
  CHECK_OK(fives_error_take_detail(&error, f.journal, FIVES_FORMAT_TEXT));
  CHECK(IsText(&error) && Contains(&error, "ERROR_CODE_DATE_DAYS_IN_MONTH"));
  fives_buffer_free(&error);
  CHECK(pthread_create(&thread, NULL, FailWithBadDate, &f) == 0);
  pthread_join(thread, NULL);
  CHECK_OK(fives_error_take(&message, f.journal));
  CHECK(TextIs(&message, kBadDateMessage));
  fives_buffer_free(&message);
  CHECK_ERROR(FIVES_NOT_FOUND, "first_argument",
              fives_error_take_detail(&error, f.journal, FIVES_FORMAT_JSON));
  /* A failure kept under an out-parameter, on this thread. */
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "format", fives_catalog(&message, 42));
  CHECK_OK(fives_error_take_detail(&error, &message, FIVES_FORMAT_BINARY));
  CHECK(ErrorTextIs(&error, "nl",
                    "format: 42 is not FIVES_FORMAT_BINARY (1), "
                    "FIVES_FORMAT_JSON (2) or FIVES_FORMAT_TEXT (3)"));
  fives_buffer_free(&error);
  fives_journal_free(f.journal);
}

static void TestBuffers(void) {
  fives_buffer out = FIVES_BUFFER_INIT;
  fives_buffer empty = FIVES_BUFFER_INIT;
  uint8_t sentinel[4] = {1, 2, 3, 4};
  StartPhase("buffers");
  CHECK(out.data == NULL && out.len == 0);
  fives_buffer_free(NULL);   /* accepted */
  fives_buffer_free(&empty); /* accepted */
  CHECK(empty.data == NULL && empty.len == 0);
  CHECK_OK(fives_catalog(&out, FIVES_FORMAT_TEXT));
  CHECK(IsText(&out));
  fives_buffer_free(&out);
  CHECK(out.data == NULL && out.len == 0);
  fives_buffer_free(&out); /* twice: the buffer was reset, so it is safe */
  /* A buffer that still holds bytes is refused, untouched, so nothing the
   * caller owns leaks. */
  out.data = sentinel;
  out.len = sizeof sentinel;
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "out: not empty",
              fives_catalog(&out, FIVES_FORMAT_JSON));
  CHECK(out.data == sentinel && out.len == sizeof sentinel);
  /* A NULL data pointer with a stale len counts as empty, and is reset. */
  out.data = NULL;
  out.len = 99;
  CHECK_OK(fives_catalog(&out, FIVES_FORMAT_BINARY));
  CHECK(out.data != NULL && out.len > 0 && out.len != 99);
  fives_buffer_free(&out);
}

/* ---- The catalog ---- */

static void TestCatalog(void) {
  fives_buffer out = FIVES_BUFFER_INIT;
  static const char* const kBadLanguages[] = {"de", "", "english", "e"};
  static const int kBadPillars[] = {0, 6, -1, 1000};
  static const int kBadFormats[] = {0, 4, -1, 1000};
  size_t i;
  int p;
  StartPhase("catalog");
  CHECK_OK(fives_catalog(&out, FIVES_FORMAT_BINARY));
  CHECK(out.len > 1000 && out.data[out.len] == 0);
  /* Field 1 (pillars), length-delimited. */
  CHECK(out.data[0] == 0x0a);
  fives_buffer_free(&out);

  CHECK_OK(fives_catalog(&out, FIVES_FORMAT_JSON));
  CHECK(IsText(&out) && out.data[0] == '{');
  CHECK(Contains(&out, "\"key\":\"strategy\""));
  CHECK(Contains(&out, "Stip & strategie") || Contains(&out, "Stip \\u0026"));
  CHECK(Contains(&out, "\"phrases\""));
  fives_buffer_free(&out);

  CHECK_OK(fives_catalog(&out, FIVES_FORMAT_TEXT));
  CHECK(IsText(&out));
  CHECK(Contains(&out, "key: \"success\""));
  CHECK(Contains(&out, "Succesfactoren"));
  CHECK(CountOf(Text(&out), "\npillars {") + (out.data[0] == 'p') == 5);
  fives_buffer_free(&out);

  for (p = FIVES_PILLAR_STRATEGY; p <= FIVES_PILLAR_SUCCESS; ++p) {
    CHECK_OK(fives_pillar_texts(&out, p, "en", FIVES_FORMAT_JSON));
    CHECK(Contains(&out, "\"language\":\"en\""));
    CHECK(Contains(&out, "\"practices\""));
    fives_buffer_free(&out);
  }
  CHECK_OK(fives_pillar_texts(&out, FIVES_PILLAR_STRUCTURE, "nl",
                              FIVES_FORMAT_TEXT));
  CHECK(Contains(&out, "name: \"Structuur\""));
  fives_buffer_free(&out);
  CHECK_OK(
      fives_pillar_texts(&out, FIVES_PILLAR_SUCCESS, "en", FIVES_FORMAT_TEXT));
  CHECK(Contains(&out, "name: \"Success factors\""));
  fives_buffer_free(&out);
  CHECK_OK(fives_pillar_texts(&out, FIVES_PILLAR_SYNERGY, "nl",
                              FIVES_FORMAT_BINARY));
  CHECK(out.len > 20 && out.data[0] == 0x0a && out.data[1] == 2 &&
        memcmp(out.data + 2, "nl", 2) == 0);
  fives_buffer_free(&out);

  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_catalog(NULL, FIVES_FORMAT_BINARY));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_pillar_texts(NULL, 1, "en", FIVES_FORMAT_BINARY));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "language: NULL",
              fives_pillar_texts(&out, 1, NULL, FIVES_FORMAT_BINARY));
  for (i = 0; i < sizeof kBadFormats / sizeof kBadFormats[0]; ++i) {
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "format",
                fives_catalog(&out, kBadFormats[i]));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "format",
                fives_pillar_texts(&out, 1, "en", kBadFormats[i]));
  }
  for (i = 0; i < sizeof kBadPillars / sizeof kBadPillars[0]; ++i) {
    EXPECT_FAIL(
        NULL, FIVES_INVALID_ARGUMENT, "pillar",
        fives_pillar_texts(&out, kBadPillars[i], "en", FIVES_FORMAT_JSON));
  }
  for (i = 0; i < sizeof kBadLanguages / sizeof kBadLanguages[0]; ++i) {
    EXPECT_FAIL(
        NULL, FIVES_INVALID_ARGUMENT, "language",
        fives_pillar_texts(&out, 1, kBadLanguages[i], FIVES_FORMAT_JSON));
  }
}

/* ---- Statistics ---- */

static void TestScoreStats(void) {
  static const int32_t kWorked[] = {4, 4, 5, 3, 4, 2};
  static const int32_t kOne[] = {5};
  fives_buffer out = FIVES_BUFFER_INIT;
  double v = 0;
  int32_t bad[3] = {3, 3, 3};
  static const int32_t kBadScores[] = {0, 6, -1, 100, INT32_MIN};
  size_t i;
  StartPhase("score stats");
  /* The worked example of the README. */
  CHECK_OK(fives_score_stats(&out, kWorked, 6, FIVES_FORMAT_JSON));
  CHECK(IsText(&out));
  CHECK(Contains(&out, "\"n\":6"));
  CHECK(Contains(&out, "\"rwg\":0.4666"));
  CHECK(JsonNumber(Text(&out), "rwg", &v) && Near(v, 0.4666666666666667));
  CHECK(JsonNumber(Text(&out), "mean", &v) && Near(v, 3.6666666666666665));
  CHECK(JsonNumber(Text(&out), "median", &v) && Near(v, 4.0));
  CHECK(JsonNumber(Text(&out), "sd", &v) && Near(v, 1.0327955589886446));
  CHECK(JsonNumber(Text(&out), "ad_mean", &v) && Near(v, 0.7777777777777778));
  CHECK(JsonNumber(Text(&out), "ad_median", &v) && Near(v, 0.6666666666666666));
  CHECK(JsonNumber(Text(&out), "consensus", &v) && Near(v, 0.6663004780883202));
  CHECK(JsonNumber(Text(&out), "agreement", &v) && Near(v, 0.5));
  CHECK(Contains(&out, "\"histogram\":[0,1,1,3,1]"));
  CHECK(Contains(&out, "\"label\":\"AGREEMENT_LABEL_MIXED\""));
  fives_buffer_free(&out);

  CHECK_OK(fives_score_stats(&out, kWorked, 6, FIVES_FORMAT_TEXT));
  CHECK(Contains(&out, "rwg: 0.46666"));
  CHECK(Contains(&out, "label: AGREEMENT_LABEL_MIXED"));
  fives_buffer_free(&out);

  CHECK_OK(fives_score_stats(&out, kWorked, 6, FIVES_FORMAT_BINARY));
  CHECK(out.len > 20);
  fives_buffer_free(&out);

  /* One score: spread and agreement undefined, so absent. */
  CHECK_OK(fives_score_stats(&out, kOne, 1, FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"n\":1"));
  CHECK(!Contains(&out, "\"sd\"") && !Contains(&out, "\"rwg\"") &&
        !Contains(&out, "\"ad_mean\""));
  CHECK(Contains(&out, "AGREEMENT_LABEL_SINGLE"));
  fives_buffer_free(&out);

  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_score_stats(NULL, kWorked, 6, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "scores: NULL",
              fives_score_stats(&out, NULL, 6, FIVES_FORMAT_JSON));
  /* count 0: there is nothing to describe. */
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "scores",
              fives_score_stats(&out, NULL, 0, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "scores",
              fives_score_stats(&out, kWorked, 0, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "format",
              fives_score_stats(&out, kWorked, 6, 0));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "format",
              fives_score_stats(&out, kWorked, 6, 4));
  for (i = 0; i < sizeof kBadScores / sizeof kBadScores[0]; ++i) {
    bad[1] = kBadScores[i];
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "score",
                fives_score_stats(&out, bad, 3, FIVES_FORMAT_JSON));
  }
  /* Refused from the count alone: only three scores are readable. */
  EXPECT_FAIL(
      NULL, FIVES_RESOURCE_EXHAUSTED, "count",
      fives_score_stats(&out, kWorked, kTooManyScores, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_RESOURCE_EXHAUSTED, "count",
              fives_score_stats(&out, kWorked, (size_t)-1, FIVES_FORMAT_JSON));
}

/* The bulk case. Group 0 has four responses, group 1 none, group 2 one:
 *   group 0: strategy 1,1,3  synergy 2,2,2  structure 1,1,5,5
 *            steering 4,5,5  success 5
 *   group 2: strategy 3, the other pillars left out.
 * Expected values from tests/testdata/stats_reference.tsv (exact fractions). */
static const uint32_t kGroups[] = {0, 0, 2, 0, 0};
static const uint8_t kScores[] = {
    1, 2, 1, 4, 5, /* group 0 */
    1, 2, 1, 5, 0, /* group 0 */
    3, 0, 0, 0, 0, /* group 2 */
    3, 2, 5, 5, 0, /* group 0 */
    0, 0, 5, 0, 0, /* group 0 */
};
#define kResponses 5
#define kGroupCount 3

typedef struct Expected {
  int32_t n, h[5], min, max, label;
  uint32_t defined;
  int32_t ad_above_cutoff;
  double mean, median, sd, rwg, rwg_raw, ad_mean, ad_median, consensus,
      agreement;
} Expected;

#define ALL_DEFINED 0xffu
#define N1_DEFINED                                           \
  (FIVES_HAS_MEAN | FIVES_HAS_MEDIAN | FIVES_HAS_CONSENSUS | \
   FIVES_HAS_AGREEMENT | FIVES_HAS_RANGE)

static const Expected kExpected[kGroupCount * 5] = {
    /* group 0 */
    {3,
     {2, 0, 1, 0, 0},
     1,
     3,
     FIVES_LABEL_MIXED,
     ALL_DEFINED,
     1,
     1.6666666666666667,
     1.0,
     1.1547005383792515,
     0.3333333333333333,
     0.3333333333333333,
     0.8888888888888888,
     0.6666666666666666,
     0.6296562292037521,
     0.4444444444444444},
    {3,
     {0, 3, 0, 0, 0},
     2,
     2,
     FIVES_LABEL_SHARED,
     ALL_DEFINED,
     0,
     2.0,
     2.0,
     0.0,
     1.0,
     1.0,
     0.0,
     0.0,
     1.0,
     1.0},
    {4,
     {2, 0, 0, 0, 2},
     1,
     5,
     FIVES_LABEL_SPLIT,
     ALL_DEFINED,
     1,
     3.0,
     3.0,
     2.309401076758503,
     0.0,
     -1.6666666666666667,
     2.0,
     2.0,
     0.0,
     -1.0},
    {3,
     {0, 0, 0, 1, 2},
     4,
     5,
     FIVES_LABEL_SHARED,
     ALL_DEFINED,
     0,
     4.666666666666667,
     5.0,
     0.5773502691896257,
     0.8333333333333334,
     0.8333333333333334,
     0.4444444444444444,
     0.3333333333333333,
     0.8286346099994961,
     0.8333333333333334},
    {1,
     {0, 0, 0, 0, 1},
     5,
     5,
     FIVES_LABEL_SINGLE,
     N1_DEFINED,
     0,
     5.0,
     5.0,
     0,
     0,
     0,
     0,
     0,
     1.0,
     1.0},
    /* group 1: no responses */
    {0,
     {0, 0, 0, 0, 0},
     0,
     0,
     FIVES_LABEL_SINGLE,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0},
    {0,
     {0, 0, 0, 0, 0},
     0,
     0,
     FIVES_LABEL_SINGLE,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0},
    {0,
     {0, 0, 0, 0, 0},
     0,
     0,
     FIVES_LABEL_SINGLE,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0},
    {0,
     {0, 0, 0, 0, 0},
     0,
     0,
     FIVES_LABEL_SINGLE,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0},
    {0,
     {0, 0, 0, 0, 0},
     0,
     0,
     FIVES_LABEL_SINGLE,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0},
    /* group 2 */
    {1,
     {0, 0, 1, 0, 0},
     3,
     3,
     FIVES_LABEL_SINGLE,
     N1_DEFINED,
     0,
     3.0,
     3.0,
     0,
     0,
     0,
     0,
     0,
     1.0,
     1.0},
    {0,
     {0, 0, 0, 0, 0},
     0,
     0,
     FIVES_LABEL_SINGLE,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0},
    {0,
     {0, 0, 0, 0, 0},
     0,
     0,
     FIVES_LABEL_SINGLE,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0},
    {0,
     {0, 0, 0, 0, 0},
     0,
     0,
     FIVES_LABEL_SINGLE,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0},
    {0,
     {0, 0, 0, 0, 0},
     0,
     0,
     FIVES_LABEL_SINGLE,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0,
     0},
};

/* Every field of one struct against the expectation; undefined measures
 * must be 0. */
static void CheckStats(const fives_pillar_stats* s, const Expected* e,
                       int slot) {
  char what[64];
  int k, ok = 1;
  ok &= s->n == e->n;
  for (k = 0; k < 5; ++k) ok &= s->histogram[k] == e->h[k];
  ok &= s->min == e->min && s->max == e->max;
  ok &= s->label == e->label;
  ok &= s->defined == e->defined;
  ok &= s->ad_above_cutoff == e->ad_above_cutoff;
  ok &= s->reserved == 0;
  ok &= Near(s->mean, e->mean) && Near(s->median, e->median);
  ok &= Near(s->sd, e->sd) && Near(s->rwg, e->rwg);
  ok &= Near(s->rwg_raw, e->rwg_raw) && Near(s->ad_mean, e->ad_mean);
  ok &= Near(s->ad_median, e->ad_median) && Near(s->consensus, e->consensus);
  ok &= Near(s->agreement, e->agreement);
  snprintf(what, sizeof what, "fives_pillar_stats of group %d pillar %d",
           slot / 5, slot % 5 + 1);
  Check(ok, what, __LINE__);
  if (!ok) {
    fprintf(stderr,
            "  got n=%d h=%d,%d,%d,%d,%d min=%d max=%d label=%d defined=0x%x "
            "ad_above=%d mean=%.17g median=%.17g sd=%.17g rwg=%.17g "
            "rwg_raw=%.17g ad_mean=%.17g ad_median=%.17g consensus=%.17g "
            "agreement=%.17g\n",
            s->n, s->histogram[0], s->histogram[1], s->histogram[2],
            s->histogram[3], s->histogram[4], s->min, s->max, s->label,
            s->defined, s->ad_above_cutoff, s->mean, s->median, s->sd, s->rwg,
            s->rwg_raw, s->ad_mean, s->ad_median, s->consensus, s->agreement);
  }
}

/* The struct with room after it: a caller built against a newer, longer
 * fives_pillar_stats. */
typedef struct LongerStats {
  fives_pillar_stats stats;
  unsigned char tail[24];
} LongerStats;

static void TestBulkStats(void) {
  fives_pillar_stats table[kGroupCount * 5];
  LongerStats longer[kGroupCount * 5];
  fives_pillar_stats one[5];
  fives_buffer out = FIVES_BUFFER_INIT;
  double v = 0;
  int i, k, ok;
  StartPhase("bulk stats (table)");
  memset(table, 0xAB, sizeof table);
  CHECK_OK(fives_bulk_stats_table(table, kGroupCount * 5, sizeof table[0],
                                  kGroups, kScores, kResponses, kGroupCount));
  for (i = 0; i < kGroupCount * 5; ++i) CheckStats(&table[i], &kExpected[i], i);

  /* A larger struct_size strides over the caller's longer structs and
   * leaves their tails alone. */
  memset(longer, 0x5A, sizeof longer);
  CHECK_OK(fives_bulk_stats_table(&longer[0].stats, kGroupCount * 5,
                                  sizeof longer[0], kGroups, kScores,
                                  kResponses, kGroupCount));
  ok = 1;
  for (i = 0; i < kGroupCount * 5; ++i) {
    CheckStats(&longer[i].stats, &kExpected[i], i);
    for (k = 0; k < (int)sizeof longer[i].tail; ++k) {
      ok &= longer[i].tail[k] == 0x5A;
    }
  }
  CHECK(ok);

  /* No responses: every pillar n = 0, nothing defined. */
  memset(one, 0xAB, sizeof one);
  CHECK_OK(fives_bulk_stats_table(one, 5, sizeof one[0], NULL, NULL, 0, 1));
  for (i = 0; i < 5; ++i) CheckStats(&one[i], &kExpected[5], 5);
  /* More room than needed: the rest is left alone. */
  memset(table, 0xAB, sizeof table);
  CHECK_OK(fives_bulk_stats_table(table, kGroupCount * 5, sizeof table[0],
                                  kGroups, kScores, 2, 1));
  CHECK(table[0].n == 2 && table[4].n == 1);
  CHECK(((const unsigned char*)&table[5])[0] == 0xAB);

  StartPhase("bulk stats (message)");
  CHECK_OK(fives_bulk_stats(&out, kGroups, kScores, kResponses, kGroupCount,
                            FIVES_FORMAT_JSON));
  CHECK(IsText(&out));
  CHECK(CountOf(Text(&out), "\"pillars\":[") == 3);
  CHECK(CountOf(Text(&out), "\"pillar\":") == 15);
  CHECK(CountOf(Text(&out), "AGREEMENT_LABEL_SPLIT") == 1);
  CHECK(CountOf(Text(&out), "AGREEMENT_LABEL_SHARED") == 2);
  /* Labels: in the message, "single" means fewer than two scores, so the
   * nine empty pillars are single too (the struct says 0 for n = 0). */
  CHECK(CountOf(Text(&out), "AGREEMENT_LABEL_SINGLE") == 2 + 9);
  CHECK(CountOf(Text(&out), "\"n\":1,") == 2);
  CHECK(Contains(&out, "\"group\":2"));
  CHECK(JsonNumber(Text(&out), "rwg", &v) && Near(v, 0.3333333333333333));
  CHECK(JsonNumber(Text(&out), "consensus", &v) && Near(v, 0.6296562292037521));
  CHECK(JsonNumber(Text(&out), "agreement", &v) && Near(v, 0.4444444444444444));
  CHECK(Contains(&out, "\"histogram\":[2,0,1,0,0]"));
  CHECK(Contains(&out, "\"rwg_raw\":-1.6666"));
  fives_buffer_free(&out);

  CHECK_OK(fives_bulk_stats(&out, kGroups, kScores, kResponses, kGroupCount,
                            FIVES_FORMAT_TEXT));
  CHECK(CountOf(Text(&out), "groups {") == 3);
  CHECK(CountOf(Text(&out), "pillars {") == 15);
  CHECK(Contains(&out, "group: 1"));
  CHECK(Contains(&out, "pillar: PILLAR_SUCCESS"));
  CHECK(Contains(&out, "sd: 2.3094"));
  fives_buffer_free(&out);

  CHECK_OK(fives_bulk_stats(&out, kGroups, kScores, kResponses, kGroupCount,
                            FIVES_FORMAT_BINARY));
  CHECK(out.len > 100 && out.data[0] == 0x0a);
  fives_buffer_free(&out);

  CHECK_OK(fives_bulk_stats(&out, NULL, NULL, 0, 2, FIVES_FORMAT_JSON));
  CHECK(CountOf(Text(&out), "\"pillar\":") == 10);
  fives_buffer_free(&out);
}

/* Many responses in one group: counts past 2048 take the library's spill
 * path and must come back exact. */
static void TestBulkStatsLarge(void) {
  enum { kMany = 5000 };
  uint32_t* groups = (uint32_t*)calloc(kMany, sizeof *groups);
  uint8_t* scores = (uint8_t*)malloc(kMany * 5);
  fives_pillar_stats table[5];
  int i;
  StartPhase("bulk stats (many responses)");
  if (groups == NULL || scores == NULL) abort();
  for (i = 0; i < kMany; ++i) {
    /* 2100 ones and 2900 fives on every pillar but success (all 3). */
    memset(scores + 5 * i, i < 2100 ? 1 : 5, 4);
    scores[5 * i + 4] = 3;
  }
  CHECK_OK(fives_bulk_stats_table(table, 5, sizeof table[0], groups, scores,
                                  kMany, 1));
  CHECK(table[0].n == kMany && table[0].histogram[0] == 2100 &&
        table[0].histogram[4] == 2900 && table[0].histogram[2] == 0);
  CHECK(table[0].min == 1 && table[0].max == 5);
  CHECK(Near(table[0].mean, (2100.0 + 5 * 2900.0) / kMany));
  CHECK(Near(table[0].median, 5.0));
  CHECK(table[0].label == FIVES_LABEL_SPLIT);
  CHECK(table[4].n == kMany && table[4].histogram[2] == kMany &&
        Near(table[4].sd, 0.0) && table[4].label == FIVES_LABEL_SHARED);
  /* A bad score at the very end, after the spills: refused, nothing
   * written. */
  scores[5 * kMany - 1] = 9;
  memset(table, 0xAB, sizeof table);
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "scores[24999]",
              fives_bulk_stats_table(table, 5, sizeof table[0], groups, scores,
                                     kMany, 1));
  CHECK(((const unsigned char*)table)[0] == 0xAB);
  free(groups);
  free(scores);
}

/* The compact form: each distinct set of counts once, and an index per group
 * and pillar that leads to the same struct the table holds. */
static void TestBulkStatsCompact(void) {
  fives_pillar_stats table[kGroupCount * 5];
  uint32_t index[kGroupCount * 5];
  uint32_t copy[kGroupCount * 5];
  uint32_t groups[kResponses];
  uint8_t scores[kResponses * 5];
  fives_buffer distinct = FIVES_BUFFER_INIT;
  size_t k, count;
  StartPhase("bulk stats (compact)");
  memcpy(groups, kGroups, sizeof groups);
  memcpy(scores, kScores, sizeof scores);
  CHECK_OK(fives_bulk_stats_table(table, kGroupCount * 5, sizeof table[0],
                                  groups, scores, kResponses, kGroupCount));
  CHECK_OK(fives_bulk_stats_compact(&distinct, index, kGroupCount * 5,
                                    sizeof(fives_pillar_stats), groups, scores,
                                    kResponses, kGroupCount));
  CHECK(distinct.len % sizeof(fives_pillar_stats) == 0);
  count = distinct.len / sizeof(fives_pillar_stats);
  CHECK(count >= 1 && count <= kGroupCount * 5);
  for (k = 0; k < kGroupCount * 5; ++k) {
    fives_pillar_stats s;
    CHECK(index[k] < count);
    if (index[k] >= count) continue;
    memcpy(&s, distinct.data + index[k] * sizeof s, sizeof s);
    CHECK(memcmp(&s, &table[k], sizeof s) == 0);
  }
  /* Positions are numbered in order of first appearance. */
  {
    uint32_t next = 0;
    for (k = 0; k < kGroupCount * 5; ++k) {
      CHECK(index[k] <= next);
      if (index[k] == next) ++next;
    }
    CHECK(next == count);
  }
  fives_buffer_free(&distinct);

  /* Errors: nothing written to `index`, `out` left empty. */
  memset(index, 0xCD, sizeof index);
  memcpy(copy, index, sizeof index);
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_bulk_stats_compact(NULL, index, kGroupCount * 5,
                                       sizeof(fives_pillar_stats), groups,
                                       scores, kResponses, kGroupCount));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "index: NULL",
              fives_bulk_stats_compact(&distinct, NULL, kGroupCount * 5,
                                       sizeof(fives_pillar_stats), groups,
                                       scores, kResponses, kGroupCount));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "struct_size",
              fives_bulk_stats_compact(&distinct, index, kGroupCount * 5,
                                       sizeof(fives_pillar_stats) - 8, groups,
                                       scores, kResponses, kGroupCount));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "index_count",
              fives_bulk_stats_compact(&distinct, index, kGroupCount * 5 - 1,
                                       sizeof(fives_pillar_stats), groups,
                                       scores, kResponses, kGroupCount));
  scores[17] = 6;
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "scores[17]",
              fives_bulk_stats_compact(&distinct, index, kGroupCount * 5,
                                       sizeof(fives_pillar_stats), groups,
                                       scores, kResponses, kGroupCount));
  scores[17] = kScores[17];
  groups[2] = kGroupCount;
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "groups[2]",
              fives_bulk_stats_compact(&distinct, index, kGroupCount * 5,
                                       sizeof(fives_pillar_stats), groups,
                                       scores, kResponses, kGroupCount));
  CHECK(memcmp(index, copy, sizeof index) == 0);
  CHECK(distinct.data == NULL && distinct.len == 0);
  /* A non-empty out buffer is refused. */
  distinct.data = (uint8_t*)copy;
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "out: not empty",
              fives_bulk_stats_compact(&distinct, index, kGroupCount * 5,
                                       sizeof(fives_pillar_stats), kGroups,
                                       kScores, kResponses, kGroupCount));
  distinct.data = NULL;
}

static void TestBulkStatsErrors(void) {
  fives_pillar_stats table[kGroupCount * 5];
  fives_pillar_stats copy[kGroupCount * 5];
  uint32_t groups[kResponses];
  uint8_t scores[kResponses * 5];
  StartPhase("bulk stats errors");
  memcpy(groups, kGroups, sizeof groups);
  memcpy(scores, kScores, sizeof scores);

  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_bulk_stats(NULL, groups, scores, kResponses, kGroupCount,
                               FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "groups: NULL",
              fives_bulk_stats(&out, NULL, scores, kResponses, kGroupCount,
                               FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "scores: NULL",
              fives_bulk_stats(&out, groups, NULL, kResponses, kGroupCount,
                               FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "format",
      fives_bulk_stats(&out, groups, scores, kResponses, kGroupCount, 0));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "format",
      fives_bulk_stats(&out, groups, scores, kResponses, kGroupCount, 4));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "group_count",
      fives_bulk_stats(&out, groups, scores, kResponses, 0, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "group_count",
              fives_bulk_stats(&out, groups, scores, 0, ((size_t)1 << 28) + 1,
                               FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_RESOURCE_EXHAUSTED, "responses",
              fives_bulk_stats(&out, groups, scores, kTooManyScores,
                               kGroupCount, FIVES_FORMAT_JSON));
  /* A group index at or past group_count, and scores above 5, name the
   * response. */
  groups[3] = kGroupCount;
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "groups[3]",
              fives_bulk_stats(&out, groups, scores, kResponses, kGroupCount,
                               FIVES_FORMAT_JSON));
  groups[3] = 0;
  scores[17] = 6;
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "scores[17]",
              fives_bulk_stats(&out, groups, scores, kResponses, kGroupCount,
                               FIVES_FORMAT_JSON));
  scores[17] = 255;
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "scores[17]",
              fives_bulk_stats(&out, groups, scores, kResponses, kGroupCount,
                               FIVES_FORMAT_JSON));

  /* The table: a failed call writes nothing. */
  memset(table, 0xAB, sizeof table);
  memcpy(copy, table, sizeof table);
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "scores[17]",
              fives_bulk_stats_table(table, kGroupCount * 5, sizeof table[0],
                                     groups, scores, kResponses, kGroupCount));
  CHECK(memcmp(table, copy, sizeof table) == 0);
  scores[17] = kScores[17];
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_bulk_stats_table(NULL, kGroupCount * 5, sizeof table[0],
                                     groups, scores, kResponses, kGroupCount));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "groups: NULL",
              fives_bulk_stats_table(table, kGroupCount * 5, sizeof table[0],
                                     NULL, scores, kResponses, kGroupCount));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "scores: NULL",
              fives_bulk_stats_table(table, kGroupCount * 5, sizeof table[0],
                                     groups, NULL, kResponses, kGroupCount));
  CHECK_ERROR(
      FIVES_INVALID_ARGUMENT, "struct_size",
      fives_bulk_stats_table(table, kGroupCount * 5, sizeof table[0] - 8,
                             groups, scores, kResponses, kGroupCount));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "struct_size",
              fives_bulk_stats_table(table, kGroupCount * 5, 0, groups, scores,
                                     kResponses, kGroupCount));
  CHECK_ERROR(
      FIVES_INVALID_ARGUMENT, "out_count",
      fives_bulk_stats_table(table, kGroupCount * 5 - 1, sizeof table[0],
                             groups, scores, kResponses, kGroupCount));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "out_count",
              fives_bulk_stats_table(table, 0, sizeof table[0], groups, scores,
                                     kResponses, kGroupCount));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "group_count",
              fives_bulk_stats_table(table, kGroupCount * 5, sizeof table[0],
                                     groups, scores, kResponses, 0));
  groups[0] = 7;
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "groups[0]",
              fives_bulk_stats_table(table, kGroupCount * 5, sizeof table[0],
                                     groups, scores, kResponses, kGroupCount));
  groups[0] = 0;
  CHECK_ERROR(
      FIVES_RESOURCE_EXHAUSTED, "responses",
      fives_bulk_stats_table(table, kGroupCount * 5, sizeof table[0], groups,
                             scores, kTooManyScores, kGroupCount));
  CHECK(memcmp(table, copy, sizeof table) == 0);
}

/* ---- The journal: the whole cycle ---- */

typedef struct Member {
  const char* id;
  const char* name;
  int32_t first[5];  /* round r1 (open) */
  int32_t second[5]; /* round r2 (confidential) */
} Member;

/* Round r1: Structure is split and lowest, so it is the focus. */
static const Member kMembers[] = {
    {"anna", "Anna", {4, 4, 2, 3, 4}, {4, 4, 4, 3, 4}},
    {"bram", "Bram", {4, 3, 5, 3, 3}, {4, 4, 5, 3, 3}},
    {"carla", "Carla", {3, 4, 1, 4, 4}, {4, 4, 4, 4, 4}},
    {"daan", "Daan", {4, 5, 5, 2, 3}, {4, 5, 5, 3, 4}},
    {"eva", "Eva M\xc3\xbcller", {5, 4, 1, 3, 4}, {5, 4, 4, 3, 4}},
    {"femke", "Femke", {4, 3, 4, 4, 3}, {4, 4, 4, 4, 3}},
};
#define kMemberCount 6

static const char kConfigJson[] =
    "{\"actionsPerPlan\": 2, \"action_window_days\": 30}";

static const char kPlanJson[] =
    "{\"round_id\": \"r1\", \"created\": \"2026-03-03\","
    " \"note\": \"We talked first, then chose two moves\","
    " \"actions\": ["
    "  {\"title\": \"Choose a decision model per topic\","
    "   \"visibleResult\": \"A decision table in the MT folder\","
    "   \"ownerId\": \"bram\", \"due\": \"2026-03-24\"},"
    "  {\"title\": \"Use the four-block agenda\","
    "   \"visible_result\": \"Every agenda has the four blocks\","
    "   \"owner_id\": \"carla\"}]}";

static const char kCheckJson[] =
    "{\"date\": \"2026-04-21\","
    " \"helps\": [\"Decisions are written down the same day\"],"
    " \"chafes\": [\"Meetings overrun\"],"
    " \"hinders\": [\"Operations crowd out strategy\"],"
    " \"agreements\": [\"The guardian closes with the decision log\"],"
    " \"reviews\": [{\"actionId\": \"a2\","
    "   \"outcome\": \"REVIEW_OUTCOME_REPLANNED\", \"newDue\": \"2026-05-05\","
    "   \"note\": \"Two agendas to go\"}],"
    " \"agreementActions\": [{\"agreement\": 0, \"action\": {"
    "   \"title\": \"Close with the decision log\","
    "   \"visibleResult\": \"The log is current after each meeting\","
    "   \"ownerId\": \"daan\", \"pillar\": \"PILLAR_STRUCTURE\"}}]}";

/* An ActionRequest in the wire format. */
static void PutAction(Proto* p, int field, const char* title,
                      const char* result, const char* owner) {
  Proto action;
  action.len = 0;
  PutString(&action, 1, title);
  PutString(&action, 2, result);
  PutString(&action, 3, owner);
  PutBytes(p, field, action.data, action.len);
}

static fives_journal* NewTeam(void) {
  fives_journal* j = NULL;
  int i;
  CHECK_OK(fives_journal_new(&j, "board", "Board MT", U8(kConfigJson),
                             strlen(kConfigJson), FIVES_FORMAT_JSON));
  CHECK(j != NULL);
  if (j == NULL) return NULL;
  for (i = 0; i < kMemberCount; ++i) {
    CHECK_OK(fives_journal_add_member(j, kMembers[i].id, kMembers[i].name,
                                      "2026-01-05"));
  }
  return j;
}

static void ScoreRound(fives_journal* j, const char* round, int second) {
  int i;
  for (i = 0; i < kMemberCount; ++i) {
    CHECK_OK(fives_journal_add_response(
        j, round, kMembers[i].id,
        second ? kMembers[i].second : kMembers[i].first));
  }
}

/* The whole rhythm on one team. Returns the journal, for the tests that
 * follow; NULL when it could not be built. */
static fives_journal* TestJournalCycle(void) {
  fives_journal* j;
  fives_buffer out = FIVES_BUFFER_INIT;
  fives_buffer a = FIVES_BUFFER_INIT;
  Proto plan;
  static const char kCheckText[] =
      "date: \"2026-05-20\"\nhelps: \"Shorter meetings\"\n"
      "agreements: \"Minutes within a day\"";
  int32_t scores[5] = {3, 3, 3, 3, 3};

  StartPhase("journal: team");
  j = NewTeam();
  if (j == NULL) return NULL;
  EXPECT_FAIL(j, FIVES_ALREADY_EXISTS, "anna",
              fives_journal_add_member(j, "anna", "Anna", "2026-01-05"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "id",
              fives_journal_add_member(j, "a b", "Space", "2026-01-05"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "id",
              fives_journal_add_member(j, "", "Empty", "2026-01-05"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "joined",
              fives_journal_add_member(j, "zed", "Zed", "2026-02-30"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "joined",
              fives_journal_add_member(j, "zed", "Zed", "5 Jan 2026"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "joined",
              fives_journal_add_member(j, "zed", "Zed", ""));
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "nobody",
              fives_journal_member_leaves(j, "nobody", "2026-02-01"));
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "nobody",
              fives_journal_forget_member(j, "nobody"));
  /* No round closed yet. */
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "closed round",
              fives_journal_report(&out, j, NULL, "en", FIVES_FORMAT_JSON));
  CHECK_OK(fives_journal_guardian(&out, j, "2026-02-01"));
  CHECK(IsText(&out) && strcmp(Text(&out), "anna") == 0);
  fives_buffer_free(&out);

  StartPhase("journal: open round");
  CHECK_OK(fives_journal_start_round(j, "r1", "2026-03-02", FIVES_ROUND_OPEN));
  EXPECT_FAIL(
      j, FIVES_ALREADY_EXISTS, "r1",
      fives_journal_start_round(j, "r1", "2026-03-02", FIVES_ROUND_OPEN));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "mode",
              fives_journal_start_round(j, "rx", "2026-03-02", 0));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "mode",
              fives_journal_start_round(j, "rx", "2026-03-02", 3));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "mode",
              fives_journal_start_round(j, "rx", "2026-03-02", -1));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "date",
              fives_journal_start_round(j, "rx", "2026-3-2", FIVES_ROUND_OPEN));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "id",
      fives_journal_start_round(j, "r/x", "2026-03-02", FIVES_ROUND_OPEN));
  ScoreRound(j, "r1", 0);
  EXPECT_FAIL(j, FIVES_ALREADY_EXISTS, "anna",
              fives_journal_add_response(j, "r1", "anna", scores));
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "r9",
              fives_journal_add_response(j, "r9", "anna", scores));
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "zed",
              fives_journal_add_response(j, "r1", "zed", scores));
  /* The report of an open round in open mode is available before it
   * closes. */
  CHECK_OK(fives_journal_report(&out, j, "r1", "en", FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"state\":\"ROUND_STATE_OPEN\""));
  fives_buffer_free(&out);
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "closed_on",
              fives_journal_close_round(j, "r1", "2026-03-01"));
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "r9",
              fives_journal_close_round(j, "r9", "2026-03-03"));
  CHECK_OK(fives_journal_close_round(j, "r1", "2026-03-03"));
  EXPECT_FAIL(j, FIVES_FAILED_PRECONDITION, "closed",
              fives_journal_close_round(j, "r1", "2026-03-04"));
  EXPECT_FAIL(j, FIVES_FAILED_PRECONDITION, "closed",
              fives_journal_add_response(j, "r1", "anna", scores));

  StartPhase("journal: report");
  CHECK_OK(fives_journal_report(&out, j, "r1", "en", FIVES_FORMAT_JSON));
  CHECK(IsText(&out));
  CHECK(Contains(&out, "\"round_id\":\"r1\""));
  CHECK(Contains(&out, "\"focus\":\"PILLAR_STRUCTURE\""));
  CHECK(Contains(&out, "\"respondents\":6"));
  CHECK(Contains(&out, "\"language\":\"en\""));
  CHECK(Contains(&out, "\"talk_first\":true"));
  CHECK(Contains(&out, "\"suggestions\":["));
  /* Open round: who gave which score. */
  CHECK(Contains(&out, "\"member_id\":\"anna\""));
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_report(&out, j, NULL, "nl", FIVES_FORMAT_TEXT));
  CHECK(Contains(&out, "round_id: \"r1\""));
  CHECK(Contains(&out, "language: \"nl\""));
  CHECK(Contains(&out, "focus: PILLAR_STRUCTURE"));
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_report(&out, j, "r1", "en", FIVES_FORMAT_BINARY));
  CHECK(out.len > 100);
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_report_text(&out, j, "r1", "en"));
  CHECK(IsText(&out));
  CHECK(Contains(&out, "Board MT"));
  CHECK(Contains(&out, "Structure"));
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_report_text(&out, j, NULL, "nl"));
  CHECK(IsText(&out));
  CHECK(Contains(&out, "Structuur"));
  fives_buffer_free(&out);
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "r9",
              fives_journal_report(&out, j, "r9", "en", FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "r9",
              fives_journal_report_text(&out, j, "r9", "en"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "language",
              fives_journal_report(&out, j, "r1", "de", FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "language",
              fives_journal_report_text(&out, j, "r1", "fr"));

  StartPhase("journal: plan (JSON PlanRequest)");
  /* Refused requests first; each names its field and changes nothing. */
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request.created",
              fives_journal_create_plan(&out, j, U8("{\"round_id\": \"r1\"}"),
                                        strlen("{\"round_id\": \"r1\"}"),
                                        FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "request.focus",
      fives_journal_create_plan(
          &out, j, U8("round_id: \"r1\" created: \"2026-03-03\" focus: 9"),
          strlen("round_id: \"r1\" created: \"2026-03-03\" focus: 9"),
          FIVES_FORMAT_TEXT));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "request",
      fives_journal_create_plan(
          &out, j, U8("{\"round_id\": \"r1\", \"bogus\": 1}"),
          strlen("{\"round_id\": \"r1\", \"bogus\": 1}"), FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "plan.actions",
              fives_journal_create_plan(
                  &out, j, U8("round_id: \"r1\" created: \"2026-03-03\""),
                  strlen("round_id: \"r1\" created: \"2026-03-03\""),
                  FIVES_FORMAT_TEXT));
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "r9",
              fives_journal_create_plan(
                  &out, j, U8("round_id: \"r9\" created: \"2026-03-03\""),
                  strlen("round_id: \"r9\" created: \"2026-03-03\""),
                  FIVES_FORMAT_TEXT));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "request.actions[1].due",
      fives_journal_create_plan(
          &out, j,
          U8("round_id: \"r1\" created: \"2026-03-03\" actions { title: \"t\" "
             "visible_result: \"v\" owner_id: \"anna\" } actions { title: "
             "\"t\" visible_result: \"v\" owner_id: \"bram\" due: "
             "\"2026-13-01\" }"),
          strlen("round_id: \"r1\" created: \"2026-03-03\" actions { title: "
                 "\"t\" visible_result: \"v\" owner_id: \"anna\" } actions { "
                 "title: \"t\" visible_result: \"v\" owner_id: \"bram\" due: "
                 "\"2026-13-01\" }"),
          FIVES_FORMAT_TEXT));
  CHECK_OK(fives_journal_create_plan(&out, j, U8(kPlanJson), strlen(kPlanJson),
                                     FIVES_FORMAT_JSON));
  CHECK(IsText(&out) && strcmp(Text(&out), "p1") == 0);
  fives_buffer_free(&out);
  EXPECT_FAIL(j, FIVES_ALREADY_EXISTS, "p1",
              fives_journal_create_plan(&out, j, U8(kPlanJson),
                                        strlen(kPlanJson), FIVES_FORMAT_JSON));

  StartPhase("journal: actions");
  CHECK_OK(
      fives_journal_check_status(&out, j, "2026-03-10", FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "CHECK_STATE_NOT_DUE"));
  CHECK(Contains(&out, "\"anchor\":\"2026-03-03\""));
  fives_buffer_free(&out);
  EXPECT_FAIL(j, FIVES_FAILED_PRECONDITION, "a1",
              fives_journal_complete_action(j, "a1", "2026-03-04"));
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "a9",
              fives_journal_open_action(j, "a9", "2026-03-04"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "date",
              fives_journal_open_action(j, "a1", "2026-03-01"));
  CHECK_OK(fives_journal_open_action(j, "a1", "2026-03-04"));
  CHECK_OK(fives_journal_open_action(j, "a2", "2026-03-04"));
  EXPECT_FAIL(j, FIVES_FAILED_PRECONDITION, "a1",
              fives_journal_open_action(j, "a1", "2026-03-05"));
  CHECK_OK(fives_journal_add_feedback(j, "a1", "2026-03-13", "bram",
                                      "Draft table shared", 60));
  CHECK_OK(fives_journal_add_feedback(j, "a2", "2026-03-18", "anna",
                                      "Two agendas used the blocks", -1));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "progress",
      fives_journal_add_feedback(j, "a1", "2026-03-14", "bram", "x", 101));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "progress",
      fives_journal_add_feedback(j, "a1", "2026-03-14", "bram", "x", -2));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "progress",
              fives_journal_add_feedback(j, "a1", "2026-03-14", "bram", "x",
                                         INT32_MIN));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "text",
      fives_journal_add_feedback(j, "a1", "2026-03-14", "bram", "", 10));
  EXPECT_FAIL(
      j, FIVES_NOT_FOUND, "a9",
      fives_journal_add_feedback(j, "a9", "2026-03-14", "bram", "x", 10));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "reason",
              fives_journal_drop_action(j, "a1", "2026-03-14", ""));
  CHECK_OK(fives_journal_complete_action(j, "a1", "2026-03-20"));
  EXPECT_FAIL(j, FIVES_FAILED_PRECONDITION, "a1",
              fives_journal_drop_action(j, "a1", "2026-03-21", "Too late"));

  CHECK_OK(fives_journal_follow_up(&out, j, "2026-03-21", NULL, 0,
                                   FIVES_FORMAT_JSON));
  CHECK(IsText(&out));
  CHECK(Contains(&out, "\"as_of\":\"2026-03-21\""));
  CHECK(Contains(&out, "\"open\":[{\"id\":\"a2\""));
  CHECK(Contains(&out, "\"celebrate\":[{\"id\":\"a1\""));
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_follow_up(&out, j, "2026-03-21", "carla",
                                   FIVES_PILLAR_STRUCTURE, FIVES_FORMAT_TEXT));
  CHECK(Contains(&out, "owner_id: \"carla\""));
  CHECK(Contains(&out, "pillar: PILLAR_STRUCTURE"));
  CHECK(!Contains(&out, "id: \"a1\""));
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_follow_up(&out, j, "2026-03-21", "", 0,
                                   FIVES_FORMAT_BINARY));
  CHECK(out.len > 10);
  fives_buffer_free(&out);
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "pillar",
              fives_journal_follow_up(&out, j, "2026-03-21", NULL, 6,
                                      FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "pillar",
              fives_journal_follow_up(&out, j, "2026-03-21", NULL, -1,
                                      FIVES_FORMAT_JSON));

  StartPhase("journal: check (JSON CheckRequest) and guardian");
  CHECK_OK(
      fives_journal_check_status(&out, j, "2026-04-20", FIVES_FORMAT_TEXT));
  CHECK(Contains(&out, "state: CHECK_STATE_DUE"));
  fives_buffer_free(&out);
  CHECK_OK(
      fives_journal_check_status(&out, j, "2026-05-01", FIVES_FORMAT_BINARY));
  CHECK(out.len > 2 && out.data[0] == 0x08 && out.data[1] == 3); /* OVERDUE */
  fives_buffer_free(&out);
  /* Every open action needs its review. */
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "a2",
              fives_journal_record_check(
                  &out, j, U8("{\"date\": \"2026-04-21\"}"),
                  strlen("{\"date\": \"2026-04-21\"}"), FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "request.date",
      fives_journal_record_check(&out, j, U8("{}"), 2, FIVES_FORMAT_JSON));
  CHECK_OK(fives_journal_record_check(&out, j, U8(kCheckJson),
                                      strlen(kCheckJson), FIVES_FORMAT_JSON));
  CHECK(IsText(&out) && strcmp(Text(&out), "c1") == 0);
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_guardian(&out, j, "2026-04-20"));
  CHECK(strcmp(Text(&out), "anna") == 0);
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_guardian(&out, j, "2026-04-21"));
  CHECK(strcmp(Text(&out), "bram") == 0);
  fives_buffer_free(&out);
  CHECK_OK(
      fives_journal_check_status(&out, j, "2026-04-22", FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"last_check_id\":\"c1\""));
  CHECK(Contains(&out, "CHECK_STATE_NOT_DUE"));
  fives_buffer_free(&out);
  /* The agreement became action a3, open from the start; it is dropped. */
  EXPECT_FAIL(j, FIVES_FAILED_PRECONDITION, "a3",
              fives_journal_open_action(j, "a3", "2026-04-22"));
  CHECK_OK(fives_journal_add_feedback(j, "a3", "2026-04-23", "daan",
                                      "Merged into the agenda", 0));
  CHECK_OK(fives_journal_drop_action(j, "a3", "2026-04-25",
                                     "Merged into action a2"));
  CHECK_OK(fives_journal_complete_action(j, "a2", "2026-04-30"));
  CHECK_OK(fives_journal_follow_up(&out, j, "2026-04-30", NULL, 0,
                                   FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"needs_attention\":[{\"id\":\"a3\""));
  CHECK(Contains(&out, "\"celebrate\":[{\"id\":\"a2\""));
  fives_buffer_free(&out);

  StartPhase("journal: confidential round, compare");
  CHECK_OK(fives_journal_start_round(j, "r2", "2026-05-04",
                                     FIVES_ROUND_CONFIDENTIAL));
  ScoreRound(j, "r2", 1);
  EXPECT_FAIL(j, FIVES_ALREADY_EXISTS, "eva",
              fives_journal_add_response(j, "r2", "eva", scores));
  /* A confidential round reports only once it is closed. */
  EXPECT_FAIL(j, FIVES_FAILED_PRECONDITION, "r2",
              fives_journal_report(&out, j, "r2", "en", FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_FAILED_PRECONDITION, "r2",
      fives_journal_compare_rounds(&out, j, "r1", "r2", FIVES_FORMAT_JSON));
  CHECK_OK(fives_journal_close_round(j, "r2", "2026-05-05"));
  CHECK_OK(fives_journal_report(&out, j, NULL, "en", FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"round_id\":\"r2\""));
  CHECK(Contains(&out, "\"mode\":\"ROUND_MODE_CONFIDENTIAL\""));
  CHECK(!Contains(&out, "\"member_id\""));
  CHECK(Contains(&out, "\"plan_id\":\"p1\""));
  CHECK(Contains(&out, "\"focus_trend\":{"));
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_report_text(&out, j, "r2", "en"));
  CHECK(IsText(&out));
  fives_buffer_free(&out);
  CHECK_OK(
      fives_journal_compare_rounds(&out, j, "r1", "r2", FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"before_round_id\":\"r1\""));
  CHECK(Contains(&out, "\"after_round_id\":\"r2\""));
  CHECK(CountOf(Text(&out), "\"verdict\":") == 5);
  fives_buffer_free(&out);
  CHECK_OK(
      fives_journal_compare_rounds(&out, j, "r1", "r2", FIVES_FORMAT_TEXT));
  CHECK(CountOf(Text(&out), "pillars {") == 5);
  fives_buffer_free(&out);
  CHECK_OK(
      fives_journal_compare_rounds(&out, j, "r2", "r1", FIVES_FORMAT_BINARY));
  CHECK(out.len > 10);
  fives_buffer_free(&out);
  EXPECT_FAIL(
      j, FIVES_NOT_FOUND, "r9",
      fives_journal_compare_rounds(&out, j, "r1", "r9", FIVES_FORMAT_JSON));

  StartPhase("journal: plan (binary PlanRequest), check (text)");
  plan.len = 0;
  PutString(&plan, 1, "r2");
  PutString(&plan, 2, "2026-05-06");
  PutInt(&plan, 3, FIVES_PILLAR_STEERING); /* the report's focus, explicit */
  PutAction(&plan, 4, "Monthly KPI review", "KPI sheet on the agenda", "daan");
  PutAction(&plan, 4, "Risk list", "A risk list in the MT folder", "femke");
  PutString(&plan, 5, "Steering is lowest now");
  CHECK_OK(fives_journal_create_plan(&out, j, plan.data, plan.len,
                                     FIVES_FORMAT_BINARY));
  CHECK(strcmp(Text(&out), "p2") == 0);
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_record_check(&out, j, U8(kCheckText),
                                      strlen(kCheckText), FIVES_FORMAT_TEXT));
  CHECK(strcmp(Text(&out), "c2") == 0);
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_guardian(&out, j, "2026-05-20"));
  CHECK(strcmp(Text(&out), "carla") == 0);
  fives_buffer_free(&out);

  StartPhase("journal: members leave and are forgotten");
  /* femke answered r2 (2026-05-04): she cannot have left before it. */
  EXPECT_FAIL(j, FIVES_FAILED_PRECONDITION, "femke",
              fives_journal_member_leaves(j, "femke", "2026-05-01"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "left",
              fives_journal_member_leaves(j, "femke", "2026-06-31"));
  CHECK_OK(fives_journal_member_leaves(j, "femke", "2026-06-01"));
  EXPECT_FAIL(j, FIVES_FAILED_PRECONDITION, "femke",
              fives_journal_member_leaves(j, "femke", "2026-06-02"));
  CHECK_OK(fives_journal_serialize(&out, j, FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"left\":\"2026-06-01\""));
  CHECK(Contains(&out, "M\xc3\xbcller"));
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_forget_member(j, "eva"));
  CHECK_OK(fives_journal_serialize(&out, j, FIVES_FORMAT_JSON));
  CHECK(!Contains(&out, "\"eva\"") && !Contains(&out, "M\xc3\xbcller"));
  CHECK(Contains(&out, "forgotten-"));
  fives_buffer_free(&out);
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "eva", fives_journal_forget_member(j, "eva"));
  /* A round after femke left: she may no longer answer. */
  CHECK_OK(fives_journal_start_round(j, "r3", "2026-06-15", FIVES_ROUND_OPEN));
  EXPECT_FAIL(j, FIVES_FAILED_PRECONDITION, "femke",
              fives_journal_add_response(j, "r3", "femke", scores));
  CHECK_OK(fives_journal_add_response(j, "r3", "anna", scores));

  /* Reports still build after forgetting. */
  CHECK_OK(fives_journal_report(&a, j, "r1", "en", FIVES_FORMAT_JSON));
  CHECK(!Contains(&a, "\"eva\""));
  fives_buffer_free(&a);
  return j;
}

/* The meeting report and the documents of the journal the cycle built:
 * r1 and r2 closed (r2 the latest), plans p1 and p2, r3 still open. */
static int StartsWith(const fives_buffer* b, const char* prefix) {
  return b->data != NULL && b->len >= strlen(prefix) &&
         memcmp(b->data, prefix, strlen(prefix)) == 0;
}

/* fives_journal_render: one request, every screen; the journal may be NULL
 * for the signals alone. */
static void TestRender(void) {
  static const char kMembersNl[] =
      "{\"kind\": \"DOCUMENT_KIND_MEMBERS\", \"language\": \"nl\"}";
  static const char kSignals[] =
      "{\"kind\": \"DOCUMENT_KIND_SIGNALS\", "
      "\"format\": \"DOCUMENT_FORMAT_MARKDOWN\"}";
  static const char kReport[] = "{\"kind\": \"DOCUMENT_KIND_REPORT\"}";
  static const char kMembersAsSvg[] =
      "{\"kind\": \"DOCUMENT_KIND_MEMBERS\", "
      "\"format\": \"DOCUMENT_FORMAT_SVG\"}";
  fives_buffer out = FIVES_BUFFER_INIT;
  fives_journal* j;
  StartPhase("journal: render");
  j = NewTeam();
  if (j == NULL) return;
  CHECK_OK(fives_journal_render(&out, j, U8(kMembersNl), strlen(kMembersNl),
                                FIVES_FORMAT_JSON));
  CHECK(StartsWith(&out,
                   "team board (Board MT): 6 leden door de tijd\n"
                   "  anna   Anna  kwam 5 januari 2026\n"));
  fives_buffer_free(&out);
  /* The signals need no journal. */
  CHECK_OK(fives_journal_render(&out, NULL, U8(kSignals), strlen(kSignals),
                                FIVES_FORMAT_JSON));
  CHECK(StartsWith(&out, "# "));
  CHECK(Contains(&out, "strategy:1"));
  fives_buffer_free(&out);
  /* Every other kind does, and says so. */
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "journal",
              fives_journal_render(&out, NULL, U8(kReport), strlen(kReport),
                                   FIVES_FORMAT_JSON));
  CHECK(out.data == NULL);
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "journal",
              fives_journal_render(&out, NULL, U8(kMembersNl),
                                   strlen(kMembersNl), FIVES_FORMAT_JSON));
  /* A format the kind does not come in; a request that does not parse. */
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "request.format",
              fives_journal_render(&out, j, U8(kMembersAsSvg),
                                   strlen(kMembersAsSvg), FIVES_FORMAT_JSON));
  CHECK_ERROR(
      FIVES_INVALID_ARGUMENT, "request",
      fives_journal_render(&out, j, U8("{\"kind\": 7"), 10, FIVES_FORMAT_JSON));
  /* A journal without a closed round has no report to render. */
  CHECK_ERROR(FIVES_NOT_FOUND, NULL,
              fives_journal_render(&out, j, U8(kReport), strlen(kReport),
                                   FIVES_FORMAT_JSON));
  CHECK(out.data == NULL);
  fives_journal_free(j);
}

static void TestMeetingDocuments(fives_journal* j) {
  static const int kFormats[] = {FIVES_FORMAT_BINARY, FIVES_FORMAT_JSON,
                                 FIVES_FORMAT_TEXT};
  static const char* const kLanguages[] = {"en", "nl"};
  static uint8_t kKept[3] = {'o', 'l', 'd'};
  fives_buffer out = FIVES_BUFFER_INIT;
  fives_buffer again = FIVES_BUFFER_INIT;
  fives_journal* empty;
  size_t i, l;
  int d;

  StartPhase("journal: meeting report");
  for (i = 0; i < sizeof kFormats / sizeof kFormats[0]; ++i) {
    CHECK_OK(fives_journal_meeting_report(&out, j, NULL, "en", "2026-05-20",
                                          kFormats[i]));
    CHECK(out.data != NULL && out.len > 100);
    switch (kFormats[i]) {
      case FIVES_FORMAT_JSON:
        CHECK(IsText(&out));
        CHECK(StartsWith(&out, "{\"as_of\":\"2026-05-20\""));
        CHECK(Contains(&out, "\"round\":{"));
        CHECK(Contains(&out, "\"round_id\":\"r2\""));
        CHECK(Contains(&out, "\"plan\":{\"id\":\"p2\""));
        CHECK(Contains(&out, "\"next_check\":{"));
        CHECK(Contains(&out, "\"guardian_id\":\"carla\""));
        CHECK(Contains(&out, "\"member_names\":["));
        break;
      case FIVES_FORMAT_TEXT:
        CHECK(IsText(&out));
        CHECK(StartsWith(&out, "as_of: \"2026-05-20\""));
        CHECK(Contains(&out, "round_id: \"r2\""));
        CHECK(Contains(&out, "guardian_id: \"carla\""));
        break;
      default:
        /* Field 1 (as_of), length-delimited, ten bytes. */
        CHECK(out.data[0] == 0x0a && out.data[1] == 10 &&
              memcmp(out.data + 2, "2026-05-20", 10) == 0);
        break;
    }
    fives_buffer_free(&out);
  }
  /* A named round; the plan in force on r1 is p1; Dutch suggestions. */
  CHECK_OK(fives_journal_meeting_report(&out, j, "r1", "nl", "2026-03-21",
                                        FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"as_of\":\"2026-03-21\""));
  CHECK(Contains(&out, "\"round_id\":\"r1\""));
  CHECK(Contains(&out, "\"plan\":{\"id\":\"p1\""));
  CHECK(Contains(&out, "\"language\":\"nl\""));
  CHECK(!Contains(&out, "\"round_id\":\"r2\""));
  fives_buffer_free(&out);
  /* "" is the latest closed round, as NULL is. */
  CHECK_OK(fives_journal_meeting_report(&out, j, "", "en", "2026-05-20",
                                        FIVES_FORMAT_JSON));
  CHECK_OK(fives_journal_meeting_report(&again, j, NULL, "en", "2026-05-20",
                                        FIVES_FORMAT_JSON));
  CHECK(out.len == again.len && memcmp(out.data, again.data, out.len) == 0);
  fives_buffer_free(&out);
  fives_buffer_free(&again);

  StartPhase("journal: documents");
  for (l = 0; l < 2; ++l) {
    for (d = FIVES_DOCUMENT_MARKDOWN; d <= FIVES_DOCUMENT_TREND; ++d) {
      CHECK_OK(fives_journal_document(&out, j, NULL, kLanguages[l],
                                      "2026-05-20", d));
      CHECK(IsText(&out));
      switch (d) {
        case FIVES_DOCUMENT_MARKDOWN:
          CHECK(StartsWith(&out, l == 0 ? "# 5S report: Board MT"
                                        : "# 5S-rapport: Board MT"));
          CHECK(Contains(&out, l == 0 ? "20 May 2026" : "20 mei 2026"));
          CHECK(!Contains(&out, "<svg"));
          break;
        case FIVES_DOCUMENT_HTML:
          CHECK(StartsWith(&out, "<!DOCTYPE html>"));
          CHECK(Contains(&out,
                         l == 0 ? "<html lang=\"en\">" : "<html lang=\"nl\">"));
          CHECK(CountOf(Text(&out), "<svg") == 3);
          CHECK(!Contains(&out, "<?xml"));
          CHECK(!Contains(&out, "<script"));
          CHECK(Contains(&out, l == 0 ? "4 May 2026" : "4 mei 2026"));
          CHECK(CountOf(Text(&out), "<table>") ==
                CountOf(Text(&out), "</table>"));
          CHECK(CountOf(Text(&out), "<ul>") == CountOf(Text(&out), "</ul>"));
          break;
        default:
          CHECK(StartsWith(&out, "<?xml"));
          CHECK(Contains(&out, "<svg"));
          CHECK(CountOf(Text(&out), "<svg") == 1);
          CHECK(Contains(&out, "</svg>"));
          CHECK(Contains(&out, "<title id=\"title\">"));
          CHECK(Contains(&out, "<desc"));
          break;
      }
      /* Deterministic. */
      CHECK_OK(fives_journal_document(&again, j, NULL, kLanguages[l],
                                      "2026-05-20", d));
      CHECK(out.len == again.len && memcmp(out.data, again.data, out.len) == 0);
      fives_buffer_free(&again);
      fives_buffer_free(&out);
    }
  }
  /* The three pictures differ from each other. */
  {
    fives_buffer radar = FIVES_BUFFER_INIT, strips = FIVES_BUFFER_INIT;
    CHECK_OK(fives_journal_document(&radar, j, "r2", "en", "2026-05-20",
                                    FIVES_DOCUMENT_RADAR));
    CHECK_OK(fives_journal_document(&strips, j, "r2", "en", "2026-05-20",
                                    FIVES_DOCUMENT_STRIPS));
    CHECK(strcmp(Text(&radar), Text(&strips)) != 0);
    fives_buffer_free(&radar);
    fives_buffer_free(&strips);
  }
  /* The round named r1: its date in the Markdown. */
  CHECK_OK(fives_journal_document(&out, j, "r1", "en", "2026-03-21",
                                  FIVES_DOCUMENT_MARKDOWN));
  CHECK(Contains(&out, "2 March 2026"));
  CHECK(Contains(&out, "As of 21 March 2026"));
  fives_buffer_free(&out);

  StartPhase("journal: meeting report and document errors");
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "out",
              fives_journal_meeting_report(NULL, j, NULL, "en", "2026-05-20",
                                           FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "out",
              fives_journal_document(NULL, j, NULL, "en", "2026-05-20",
                                     FIVES_DOCUMENT_HTML));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal",
              fives_journal_meeting_report(&out, NULL, NULL, "en", "2026-05-20",
                                           FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal",
              fives_journal_document(&out, NULL, NULL, "en", "2026-05-20",
                                     FIVES_DOCUMENT_HTML));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "language",
              fives_journal_meeting_report(&out, j, NULL, NULL, "2026-05-20",
                                           FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "language",
              fives_journal_document(&out, j, NULL, NULL, "2026-05-20",
                                     FIVES_DOCUMENT_MARKDOWN));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "language",
              fives_journal_meeting_report(&out, j, NULL, "de", "2026-05-20",
                                           FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "language",
              fives_journal_document(&out, j, NULL, "fr", "2026-05-20",
                                     FIVES_DOCUMENT_RADAR));
  /* as_of is required: the library never reads the clock. */
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "as_of",
              fives_journal_meeting_report(&out, j, NULL, "en", NULL,
                                           FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "as_of",
      fives_journal_document(&out, j, NULL, "en", NULL, FIVES_DOCUMENT_HTML));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "as_of",
      fives_journal_meeting_report(&out, j, NULL, "en", "", FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "as_of",
              fives_journal_meeting_report(&out, j, NULL, "en", "2026-02-30",
                                           FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "as_of",
              fives_journal_document(&out, j, NULL, "en", "20 May 2026",
                                     FIVES_DOCUMENT_TREND));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "as_of",
              fives_journal_document(&out, j, NULL, "en", "2026-5-20",
                                     FIVES_DOCUMENT_STRIPS));
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "r9",
              fives_journal_meeting_report(&out, j, "r9", "en", "2026-05-20",
                                           FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "r9",
              fives_journal_document(&out, j, "r9", "en", "2026-05-20",
                                     FIVES_DOCUMENT_HTML));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "format",
      fives_journal_meeting_report(&out, j, NULL, "en", "2026-05-20", 0));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "format",
      fives_journal_meeting_report(&out, j, NULL, "en", "2026-05-20", 4));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "document",
              fives_journal_document(&out, j, NULL, "en", "2026-05-20", 0));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "document",
              fives_journal_document(&out, j, NULL, "en", "2026-05-20", 6));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "document",
              fives_journal_document(&out, j, NULL, "en", "2026-05-20", -1));
  /* A non-empty out buffer is refused and left as it was. */
  out.data = kKept;
  out.len = 3;
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "out: not empty",
              fives_journal_meeting_report(&out, j, NULL, "en", "2026-05-20",
                                           FIVES_FORMAT_JSON));
  CHECK(out.data == kKept && out.len == 3);
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "out: not empty",
              fives_journal_document(&out, j, NULL, "en", "2026-05-20",
                                     FIVES_DOCUMENT_HTML));
  CHECK(out.data == kKept && out.len == 3);
  out.data = NULL;
  out.len = 0;
  /* A journal without a closed round has nothing to report. */
  empty = NewTeam();
  if (empty != NULL) {
    CHECK_OK(fives_journal_start_round(empty, "r1", "2026-03-02",
                                       FIVES_ROUND_CONFIDENTIAL));
    EXPECT_FAIL(empty, FIVES_NOT_FOUND, "closed round",
                fives_journal_meeting_report(&out, empty, NULL, "en",
                                             "2026-05-20", FIVES_FORMAT_JSON));
    for (d = FIVES_DOCUMENT_MARKDOWN; d <= FIVES_DOCUMENT_TREND; ++d) {
      EXPECT_FAIL(
          empty, FIVES_NOT_FOUND, "closed round",
          fives_journal_document(&out, empty, NULL, "en", "2026-05-20", d));
    }
    fives_journal_free(empty);
  }
  /* After the errors, the calls work again and the last error is clear. */
  CHECK_OK(fives_journal_document(&out, j, NULL, "en", "2026-05-20",
                                  FIVES_DOCUMENT_MARKDOWN));
  fives_buffer_free(&out);
}

/* A round that allows partial responses cannot be started through the C
 * ABI (fives_journal_start_round takes no such option), so it comes from a
 * parsed journal. */
static void TestPartialRound(void) {
  static const char kJson[] =
      "{\"team\": {\"id\": \"t1\", \"name\": \"T\", \"members\": ["
      "  {\"id\": \"m1\", \"displayName\": \"M1\", \"joined\": \"2026-01-01\"},"
      "  {\"id\": \"m2\", \"displayName\": \"M2\", \"joined\": \"2026-01-01\"},"
      "  {\"id\": \"m3\", \"displayName\": \"M3\", \"joined\": \"2026-01-01\"}"
      "]}, \"rounds\": [{\"id\": \"r1\", \"date\": \"2026-02-01\","
      "  \"mode\": \"ROUND_MODE_OPEN\", \"allowPartial\": true,"
      "  \"state\": \"ROUND_STATE_OPEN\"}]}";
  fives_journal* j = NULL;
  fives_buffer out = FIVES_BUFFER_INIT;
  int32_t partial[5] = {3, 0, 4, 0, 5};
  int32_t bad[5] = {3, 0, 4, 0, 5};
  StartPhase("journal: partial responses");
  CHECK_OK(
      fives_journal_parse(&j, U8(kJson), strlen(kJson), FIVES_FORMAT_JSON));
  if (j == NULL) return;
  CHECK_OK(fives_journal_add_response(j, "r1", "m1", partial));
  bad[4] = 6;
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "score",
              fives_journal_add_response(j, "r1", "m2", bad));
  bad[4] = -1;
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "score",
              fives_journal_add_response(j, "r1", "m2", bad));
  CHECK_OK(fives_journal_serialize(&out, j, FIVES_FORMAT_TEXT));
  CHECK(CountOf(Text(&out), "scores {") == 3);
  fives_buffer_free(&out);
  fives_journal_free(j);
}

/* Scores as CSV: all rows added, or none and the journal's bytes as they
 * were, with every problem named by line and column. */
static void TestScoresCsv(void) {
  static const char kHeader[] =
      "member;Stip & strategie;Synergie & sterktes;Structuur;Sturing;"
      "Succesfactoren\r\n";
  char csv[512];
  char* large;
  fives_journal* j = NULL;
  fives_buffer out = FIVES_BUFFER_INIT;
  const size_t kLimit = (size_t)1 << 20;
  StartPhase("journal: scores as CSV");
  CHECK_OK(fives_journal_new(&j, "t1", "T", NULL, 0, 0));
  if (j == NULL) return;
  CHECK_OK(fives_journal_add_member(j, "m1", "M1", "2026-01-01"));
  CHECK_OK(fives_journal_add_member(j, "m2", "M2", "2026-01-01"));
  CHECK_OK(fives_journal_add_member(j, "m3", "M3", "2026-01-01"));
  CHECK_OK(fives_journal_start_round(j, "r1", "2026-02-01", FIVES_ROUND_OPEN));

  /* Refused: the journal's bytes stay as they were. */
  snprintf(csv, sizeof csv, "%sm1;1;2;3;4;5\r\nm2;1;2;3;4;6\r\n", kHeader);
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT,
              "scores CSV: 1 problem, nothing imported: line 3, column 6 "
              "(Succesfactoren): \"6\" is not a score 1-5",
              fives_journal_import_scores_csv(j, "r1", U8(csv), strlen(csv)));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "scores CSV: empty",
              fives_journal_import_scores_csv(j, "r1", NULL, 0));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "data: NULL with length 3",
              fives_journal_import_scores_csv(j, "r1", NULL, 3));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "round_id: NULL",
              fives_journal_import_scores_csv(j, NULL, U8(csv), strlen(csv)));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
      fives_journal_import_scores_csv(NULL, "r1", U8(csv), strlen(csv)));
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "round_id: no round \"r9\"",
              fives_journal_import_scores_csv(j, "r9", U8(csv), strlen(csv)));
  large = (char*)malloc(kLimit + 1);
  CHECK(large != NULL);
  if (large != NULL) {
    memset(large, '\n', kLimit + 1);
    memcpy(large, csv, strlen(csv));
    EXPECT_FAIL(
        j, FIVES_RESOURCE_EXHAUSTED,
        "scores CSV: 1048577 bytes, more than the 1048576",
        fives_journal_import_scores_csv(j, "r1", U8(large), kLimit + 1));
  }

  /* Accepted: two responses. */
  snprintf(csv, sizeof csv, "%sm1;1;2;3;4;5\r\n\"M2\";5;4;3;2;1\r\n", kHeader);
  CHECK_OK(fives_journal_import_scores_csv(j, "r1", U8(csv), strlen(csv)));
  CHECK_OK(fives_journal_serialize(&out, j, FIVES_FORMAT_TEXT));
  CHECK(CountOf(Text(&out), "responses {") == 2);
  fives_buffer_free(&out);
  /* The same rows again: both members already answered. */
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT,
              "line 2, column 1 (member): \"m1\" already answered round "
              "\"r1\"; line 3, column 1 (member): \"M2\" (m2) already "
              "answered round \"r1\"",
              fives_journal_import_scores_csv(j, "r1", U8(csv), strlen(csv)));
  CHECK_OK(fives_journal_close_round(j, "r1", "2026-02-02"));
  EXPECT_FAIL(j, FIVES_FAILED_PRECONDITION, "closed on 2026-02-02",
              fives_journal_import_scores_csv(j, "r1", U8(csv), strlen(csv)));
  free(large);
  fives_journal_free(j);
}

/* The disclosure decision through the C ABI: a member absent from the
 * second round is not given away, three answers show only the mean, and
 * thresholds below the floors are refused. */
static void TestDisclosure(void) {
  static const char* const kMembers[] = {"m1", "m2", "m3", "m4", "m5", "m6"};
  static const char kLowConfig[] = "{\"privacy\": {\"minDistribution\": 4}}";
  static const char kLowRound[] =
      "{\"id\": \"r9\", \"date\": \"2026-05-01\","
      " \"mode\": \"ROUND_MODE_CONFIDENTIAL\","
      " \"thresholds\": {\"min_distribution\": 4}}";
  fives_journal* j = NULL;
  fives_journal* low = NULL;
  fives_buffer out = FIVES_BUFFER_INIT;
  int32_t scores[5] = {3, 3, 3, 3, 3};
  int i;
  StartPhase("journal: disclosure");
  CHECK_OK(fives_journal_new(&j, "t", "T", NULL, 0, 0));
  if (j == NULL) return;
  for (i = 0; i < 6; ++i) {
    CHECK_OK(
        fives_journal_add_member(j, kMembers[i], kMembers[i], "2026-01-05"));
  }
  CHECK_OK(fives_journal_start_round(j, "r1", "2026-02-02",
                                     FIVES_ROUND_CONFIDENTIAL));
  for (i = 0; i < 6; ++i) {
    scores[2] = 1 + i % 5; /* structure: 1 2 3 4 5 1 */
    CHECK_OK(fives_journal_add_response(j, "r1", kMembers[i], scores));
  }
  CHECK_OK(fives_journal_close_round(j, "r1", "2026-02-09"));
  CHECK_OK(fives_journal_start_round(j, "r2", "2026-04-01",
                                     FIVES_ROUND_CONFIDENTIAL));
  for (i = 0; i < 5; ++i) { /* m6 is absent */
    scores[2] = 1 + i % 5;
    CHECK_OK(fives_journal_add_response(j, "r2", kMembers[i], scores));
  }
  CHECK_OK(fives_journal_close_round(j, "r2", "2026-04-08"));
  CHECK_OK(fives_journal_report(&out, j, "r2", "en", FIVES_FORMAT_JSON));
  CHECK(CountOf(Text(&out), "\"disclosure\":\"DISCLOSURE_HELD_BACK\"") == 5);
  CHECK(CountOf(Text(&out), "\"held_back_against\":\"r1\"") == 5);
  CHECK(!Contains(&out, "\"mean\""));
  fives_buffer_free(&out);
  CHECK_OK(
      fives_journal_compare_rounds(&out, j, "r1", "r2", FIVES_FORMAT_JSON));
  CHECK(CountOf(Text(&out), "TREND_VERDICT_NOT_ENOUGH_DATA") == 5);
  CHECK(!Contains(&out, "p_value"));
  fives_buffer_free(&out);
  /* Three answers: n and the mean, nothing else. */
  CHECK_OK(fives_journal_start_round(j, "r3", "2026-06-01",
                                     FIVES_ROUND_CONFIDENTIAL));
  CHECK_OK(fives_journal_add_response(j, "r3", "m1", scores));
  CHECK_OK(fives_journal_add_response(j, "r3", "m2", scores));
  CHECK_OK(fives_journal_add_response(j, "r3", "m3", scores));
  CHECK_OK(fives_journal_close_round(j, "r3", "2026-06-08"));
  CHECK_OK(fives_journal_report(&out, j, "r3", "en", FIVES_FORMAT_JSON));
  CHECK(CountOf(Text(&out), "DISCLOSURE_NO_DISTRIBUTION") == 5);
  CHECK(!Contains(&out, "\"label\"") && !Contains(&out, "\"median\""));
  fives_buffer_free(&out);
  /* The floors, for a team and for a round. */
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "min_distribution",
              fives_journal_start_round_request(
                  j, U8(kLowRound), strlen(kLowRound), FIVES_FORMAT_JSON));
  CHECK(fives_journal_new(&low, "t", "T", U8(kLowConfig), strlen(kLowConfig),
                          FIVES_FORMAT_JSON) == FIVES_INVALID_ARGUMENT);
  CHECK(low == NULL);
  CHECK(strstr(fives_last_error(), "min_distribution: 4") != NULL);
  fives_journal_free(j);
}

/* Out-of-range scores where a round asks every pillar. */
static void TestResponseScores(fives_journal* j) {
  static const int32_t kBad[] = {0, 6, -1, 7, 100, INT32_MAX, INT32_MIN};
  int32_t scores[5];
  size_t i;
  int p;
  StartPhase("journal: out-of-range scores");
  for (i = 0; i < sizeof kBad / sizeof kBad[0]; ++i) {
    for (p = 0; p < 5; ++p) {
      scores[0] = scores[1] = scores[2] = scores[3] = scores[4] = 3;
      scores[p] = kBad[i];
      EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "score",
                  fives_journal_add_response(j, "r3", "bram", scores));
    }
  }
}

/* ---- The team charter ---- */

/* A charter in text format, undated: set on 2026-03-01, each agreement is
 * dated that day. Its review, worked out by hand from lib/charter/charter.cc's
 * kAgreements: strategy 3 of 4 in place (strategy_checked_decisions
 * missing); synergy 1 of 3 (feedback_language missing, and styles: only
 * anna of the six members has one); structure 2 of 3 (topic_owners
 * missing); steering 1 of 4 (one KPI where the method asks 6 to 10, no
 * steering moments, no communication; the risk has an owner); success 1 of
 * 3 before the first check (goals; no guardian term and no check yet), 3 of
 * 3 after it. Lowest: steering, so the next agreement is its first one
 * missing, "kpis". The one finding is the warning on the number of KPIs. */
static const char kCharterText[] =
    "strategy {\n"
    "  shared_sentence: \"We succeed when the plan lands\"\n"
    "  priorities: \"Growth\" priorities: \"Talent\" priorities: \"Margin\"\n"
    "  not_doing: \"New markets\"\n"
    "}\n"
    "synergy {\n"
    "  disagreement_norm: \"Disagree inside, commit outside\"\n"
    "  styles { member_id: \"anna\" style: \"decisive\" pitfall: \"Rushes\" }\n"
    "}\n"
    "structure {\n"
    "  decision_register {\n"
    "    topic: \"Budget\" model: DECISION_MODEL_CONSENT owner_id: \"bram\"\n"
    "  }\n"
    "  meeting_blocks: \"Check-in\" meeting_blocks: \"Decisions\"\n"
    "  meeting_blocks: \"Discussion\" meeting_blocks: \"Close\"\n"
    "}\n"
    "steering {\n"
    "  kpis {\n"
    "    name: \"Revenue\" owner_id: \"carla\" target: \"+5%\"\n"
    "    priority: \"Growth\"\n"
    "  }\n"
    "  risks { description: \"Key people leave\" owner_id: \"daan\" }\n"
    "}\n"
    "success { goals { goal: \"Shorter meetings\" progress: 40 } }\n";

/* The readiness of the pillar `key` in a CharterReview's JSON: 0 when the
 * field is absent (its default), -1 when the pillar is not there. */
static double Readiness(const fives_buffer* review, const char* key) {
  char pattern[64];
  const char* at;
  double value = -1;
  snprintf(pattern, sizeof pattern, "\"key\":\"%s\",", key);
  at = strstr(Text(review), pattern);
  if (at == NULL) return -1;
  at += strlen(pattern);
  if (strncmp(at, "\"readiness\":", strlen("\"readiness\":")) != 0) return 0;
  return JsonNumber(at, "readiness", &value) ? value : -1;
}

/* `text` with its first `from` replaced by `to`, malloc'ed; NULL when
 * `from` is not in it. */
static char* Replaced(const char* text, const char* from, const char* to) {
  const char* at = strstr(text, from);
  char* out;
  size_t head;
  if (at == NULL) return NULL;
  head = (size_t)(at - text);
  out = (char*)malloc(strlen(text) - strlen(from) + strlen(to) + 1);
  if (out == NULL) abort();
  memcpy(out, text, head);
  strcpy(out + head, to);
  strcat(out, at + strlen(from));
  return out;
}

/* The charter in the binary format, to prove a failed call kept it. */
static fives_buffer CharterBytes(const fives_journal* j) {
  fives_buffer b = FIVES_BUFFER_INIT;
  if (fives_journal_charter(&b, j, FIVES_FORMAT_BINARY) != FIVES_OK) {
    b.data = NULL;
    b.len = 0;
  }
  return b;
}

static int SameBytes(const fives_buffer* a, const fives_buffer* b) {
  return a->data != NULL && b->data != NULL && a->len == b->len &&
         memcmp(a->data, b->data, a->len) == 0;
}

/* A SignalTick in the wire format: pillar (2) and number (4, counted from
 * 1), and a check_id (1) unless NULL. */
static void PutTick(Proto* p, int field, const char* check_id, int pillar,
                    int32_t number) {
  Proto tick;
  tick.len = 0;
  if (check_id != NULL) PutString(&tick, 1, check_id);
  PutInt(&tick, 2, (uint64_t)(int64_t)pillar);
  PutInt(&tick, 4, (uint64_t)(int64_t)number);
  PutBytes(p, field, tick.data, tick.len);
}

/* Setting, reading and reviewing a charter, and warning signals ticked at
 * checks, on a team of its own. */
static void TestCharter(void) {
  static const int kFormats[] = {FIVES_FORMAT_BINARY, FIVES_FORMAT_JSON,
                                 FIVES_FORMAT_TEXT};
  static const char kCheck1Json[] =
      "{\"date\": \"2026-04-21\", \"signals\": ["
      "  {\"pillar\": \"PILLAR_STEERING\", \"number\": 2},"
      "  {\"pillar\": \"PILLAR_STRUCTURE\", \"number\": 1}]}";
  static const char kTickText[] =
      "check_id: \"c1\" ticks { pillar: PILLAR_SYNERGY number: 3 }";
  fives_journal* j;
  fives_buffer out = FIVES_BUFFER_INIT;
  fives_buffer json = FIVES_BUFFER_INIT;
  fives_buffer text = FIVES_BUFFER_INIT;
  fives_buffer binary = FIVES_BUFFER_INIT;
  fives_buffer again = FIVES_BUFFER_INIT;
  fives_buffer kept;
  Proto p;
  char* edited;
  size_t i;

  StartPhase("charter: none yet");
  j = NewTeam();
  if (j == NULL) return;
  CHECK_OK(fives_journal_charter(&out, j, FIVES_FORMAT_BINARY));
  CHECK(out.data != NULL && out.len == 0);
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_charter(&out, j, FIVES_FORMAT_JSON));
  CHECK(strcmp(Text(&out), "{}") == 0);
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_charter(&out, j, FIVES_FORMAT_TEXT));
  CHECK(out.data != NULL && out.len == 0 && out.data[0] == 0);
  fives_buffer_free(&out);
  /* Nothing in place anywhere: every readiness 0 (absent from JSON), the
   * first agreement of the first pillar comes next. */
  CHECK_OK(fives_journal_review_charter(&out, j, "2026-02-01", 0,
                                        FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"as_of\":\"2026-02-01\",\"stale_days\":365,"));
  CHECK(Readiness(&out, "strategy") == 0 && Readiness(&out, "synergy") == 0 &&
        Readiness(&out, "structure") == 0 && Readiness(&out, "steering") == 0 &&
        Readiness(&out, "success") == 0);
  CHECK(Contains(&out,
                 "\"missing\":[\"shared_sentence\",\"priorities\","
                 "\"not_doing\",\"strategy_checked_decisions\"]"));
  CHECK(
      Contains(&out, "\"missing\":[\"guardian\",\"check_rhythm\",\"goals\"]"));
  CHECK(Contains(&out,
                 "\"next\":{\"pillar\":\"PILLAR_STRATEGY\",\"key\":"
                 "\"shared_sentence\",\"reason\":"
                 "\"NEXT_REASON_LOWEST_READINESS\"}}"));
  CHECK(!Contains(&out, "\"findings\"") && !Contains(&out, "\"errors\""));
  fives_buffer_free(&out);

  StartPhase("charter: set (text) and read back in each format");
  CHECK_OK(fives_journal_set_charter(j, U8(kCharterText), strlen(kCharterText),
                                     FIVES_FORMAT_TEXT, "2026-03-01"));
  CHECK_OK(fives_journal_charter(&text, j, FIVES_FORMAT_TEXT));
  CHECK(IsText(&text));
  CHECK(Contains(&text, "shared_sentence: \"We succeed when the plan lands\""));
  CHECK(Contains(&text, "shared_sentence_updated: \"2026-03-01\""));
  CHECK(Contains(&text, "model: DECISION_MODEL_CONSENT"));
  CHECK(CountOf(Text(&text), "\"2026-03-01\"") == 10);
  CHECK_OK(fives_journal_charter(&json, j, FIVES_FORMAT_JSON));
  CHECK(IsText(&json));
  CHECK(Contains(&json,
                 "\"priorities\":[\"Growth\",\"Talent\",\"Margin\"],"
                 "\"priorities_updated\":\"2026-03-01\""));
  CHECK(Contains(&json,
                 "\"kpis\":[{\"name\":\"Revenue\",\"owner_id\":\"carla\","
                 "\"target\":\"+5%\",\"priority\":\"Growth\","
                 "\"updated\":\"2026-03-01\"}]"));
  CHECK(Contains(&json,
                 "\"goals\":[{\"goal\":\"Shorter meetings\","
                 "\"progress\":40,\"updated\":\"2026-03-01\"}]"));
  CHECK(!Contains(&json, "\"signals\""));
  CHECK_OK(fives_journal_charter(&binary, j, FIVES_FORMAT_BINARY));
  /* Field 1 (strategy), length-delimited. */
  CHECK(binary.len > 100 && binary.data[0] == 0x0a);
  /* Each form set again, on another day, changes nothing: every agreement
   * is dated and unchanged. */
  CHECK_OK(fives_journal_set_charter(j, binary.data, binary.len,
                                     FIVES_FORMAT_BINARY, "2026-03-02"));
  CHECK_OK(fives_journal_set_charter(j, json.data, json.len, FIVES_FORMAT_JSON,
                                     "2026-03-03"));
  CHECK_OK(fives_journal_set_charter(j, text.data, text.len, FIVES_FORMAT_TEXT,
                                     "2026-03-04"));
  kept = CharterBytes(j);
  CHECK(SameBytes(&kept, &binary));
  fives_buffer_free(&kept);
  for (i = 0; i < sizeof kFormats / sizeof kFormats[0]; ++i) {
    CHECK_OK(fives_journal_charter(&again, j, kFormats[i]));
    CHECK(SameBytes(&again, kFormats[i] == FIVES_FORMAT_BINARY ? &binary
                            : kFormats[i] == FIVES_FORMAT_JSON ? &json
                                                               : &text));
    fives_buffer_free(&again);
  }
  fives_buffer_free(&json);
  fives_buffer_free(&binary);

  StartPhase("charter: review");
  CHECK_OK(fives_journal_review_charter(&out, j, "2026-03-15", 0,
                                        FIVES_FORMAT_JSON));
  CHECK(IsText(&out));
  CHECK(Near(Readiness(&out, "strategy"), 0.75));
  CHECK(Near(Readiness(&out, "synergy"), 1.0 / 3));
  CHECK(Near(Readiness(&out, "structure"), 2.0 / 3));
  CHECK(Near(Readiness(&out, "steering"), 0.25));
  CHECK(Near(Readiness(&out, "success"), 1.0 / 3));
  CHECK(Contains(&out, "\"missing\":[\"strategy_checked_decisions\"]"));
  CHECK(Contains(&out, "\"missing\":[\"feedback_language\",\"styles\"]"));
  CHECK(Contains(&out, "\"missing\":[\"topic_owners\"]"));
  CHECK(Contains(&out, "\"missing\":[\"kpis\",\"moments\",\"communication\"]"));
  CHECK(Contains(&out, "\"missing\":[\"guardian\",\"check_rhythm\"]"));
  CHECK(!Contains(&out, "\"stale\""));
  CHECK(Contains(&out,
                 "{\"key\":\"shared_sentence\",\"state\":"
                 "\"AGREEMENT_STATE_IN_PLACE\",\"updated\":\"2026-03-01\"}"));
  /* A list too short is missing, and still carries its date. */
  CHECK(Contains(&out,
                 "{\"key\":\"kpis\",\"state\":\"AGREEMENT_STATE_MISSING\","
                 "\"updated\":\"2026-03-01\"}"));
  CHECK(Contains(&out,
                 "\"findings\":[{\"severity\":\"FINDING_SEVERITY_WARNING\","
                 "\"field\":\"steering.kpis\",\"message\":\"steering.kpis: 1 "
                 "KPIs, the method asks 6 to 10\",\"code\":\"kpis_count\","
                 "\"args\":[\"1\"]}]"));
  CHECK(Contains(&out,
                 "\"next\":{\"pillar\":\"PILLAR_STEERING\",\"key\":\"kpis\","
                 "\"reason\":\"NEXT_REASON_LOWEST_READINESS\"},"
                 "\"warnings\":1}"));
  /* 0 is the default of 365 days. */
  CHECK_OK(fives_journal_review_charter(&again, j, "2026-03-15", 365,
                                        FIVES_FORMAT_JSON));
  CHECK(SameBytes(&out, &again));
  fives_buffer_free(&again);
  fives_buffer_free(&out);
  /* Each format. */
  CHECK_OK(fives_journal_review_charter(&out, j, "2026-03-15", 0,
                                        FIVES_FORMAT_TEXT));
  CHECK(Contains(&out, "as_of: \"2026-03-15\"\nstale_days: 365\n"));
  CHECK(CountOf(Text(&out), "pillars {") == 5);
  CHECK(Contains(&out, "readiness: 0.75"));
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_review_charter(&out, j, "2026-03-15", 0,
                                        FIVES_FORMAT_BINARY));
  /* Field 1, as_of: "2026-03-15"; then field 2, stale_days: 365. */
  CHECK(out.len > 100 && out.data[0] == 0x0a && out.data[1] == 10 &&
        memcmp(out.data + 2, "2026-03-15", 10) == 0 && out.data[12] == 0x10 &&
        out.data[13] == 0xed && out.data[14] == 0x02);
  fives_buffer_free(&out);
  /* Stale after 30 days: everything dated 2026-03-01 is stale on
   * 2026-04-15 (45 days), so every pillar has readiness 0 and the first
   * agreement not in place of the first pillar comes next. */
  CHECK_OK(fives_journal_review_charter(&out, j, "2026-04-15", 30,
                                        FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"stale_days\":30"));
  CHECK(Readiness(&out, "strategy") == 0 && Readiness(&out, "synergy") == 0 &&
        Readiness(&out, "structure") == 0 && Readiness(&out, "steering") == 0 &&
        Readiness(&out, "success") == 0);
  CHECK(Contains(&out,
                 "\"stale\":[\"shared_sentence\",\"priorities\","
                 "\"not_doing\"]"));
  CHECK(Contains(&out, "\"stale\":[\"disagreement_norm\"]"));
  CHECK(Contains(&out, "\"stale\":[\"decision_register\",\"meeting_blocks\"]"));
  CHECK(Contains(&out, "\"stale\":[\"risks\"]"));
  CHECK(Contains(&out, "\"stale\":[\"goals\"]"));
  CHECK(Contains(&out,
                 "{\"key\":\"shared_sentence\",\"state\":"
                 "\"AGREEMENT_STATE_STALE\",\"updated\":\"2026-03-01\"}"));
  CHECK(Contains(&out,
                 "\"next\":{\"pillar\":\"PILLAR_STRATEGY\",\"key\":"
                 "\"shared_sentence\",\"reason\":"
                 "\"NEXT_REASON_LOWEST_READINESS\"}"));
  fives_buffer_free(&out);

  StartPhase("charter: review errors");
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "stale_days: -1 is negative",
              fives_journal_review_charter(&out, j, "2026-03-15", -1,
                                           FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "stale_days: -2147483648",
              fives_journal_review_charter(&out, j, "2026-03-15", INT32_MIN,
                                           FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "as_of",
              fives_journal_review_charter(&out, j, "2026-02-30", 0,
                                           FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "as_of",
      fives_journal_review_charter(&out, j, "15 March", 0, FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "as_of: NULL",
      fives_journal_review_charter(&out, j, NULL, 0, FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format: 0",
              fives_journal_review_charter(&out, j, "2026-03-15", 0, 0));
  /* A large stale age is an age, not an error. */
  CHECK_OK(fives_journal_review_charter(&out, j, "2026-03-15", INT32_MAX,
                                        FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"stale_days\":2147483647"));
  CHECK(!Contains(&out, "\"stale\""));
  fives_buffer_free(&out);

  StartPhase("charter: signals at a recorded check");
  /* Refused ticks: the check is not recorded. */
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "check.signals[0].number: 4 is outside the 3 warning signals of "
      "steering (1..3)",
      fives_journal_record_check(
          &out, j,
          U8("date: \"2026-04-21\" signals { pillar: PILLAR_STEERING "
             "number: 4 }"),
          strlen("date: \"2026-04-21\" signals { pillar: PILLAR_STEERING "
                 "number: 4 }"),
          FIVES_FORMAT_TEXT));
  /* Numbers count from 1: 0 (or no number) is refused. */
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "check.signals[0].number: 0 is outside the 2 warning signals of "
      "success (1..2)",
      fives_journal_record_check(
          &out, j,
          U8("date: \"2026-04-21\" signals { pillar: PILLAR_SUCCESS }"),
          strlen("date: \"2026-04-21\" signals { pillar: PILLAR_SUCCESS }"),
          FIVES_FORMAT_TEXT));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "check.signals[0].number: -1",
      fives_journal_record_check(
          &out, j,
          U8("date: \"2026-04-21\" signals { pillar: PILLAR_SUCCESS "
             "number: -1 }"),
          strlen("date: \"2026-04-21\" signals { pillar: PILLAR_SUCCESS "
                 "number: -1 }"),
          FIVES_FORMAT_TEXT));
  /* The deprecated 0-based field is refused, not misread. */
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "check.signals[0].signal: 1: the 0-based field is no longer read; give "
      "number (1..2)",
      fives_journal_record_check(
          &out, j,
          U8("{\"date\": \"2026-04-21\", \"signals\": [{\"pillar\": "
             "\"PILLAR_SUCCESS\", \"signal\": 1}]}"),
          strlen("{\"date\": \"2026-04-21\", \"signals\": [{\"pillar\": "
                 "\"PILLAR_SUCCESS\", \"signal\": 1}]}"),
          FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT,
              "check.signals[0].pillar: 0 is not a pillar",
              fives_journal_record_check(
                  &out, j, U8("date: \"2026-04-21\" signals { number: 1 }"),
                  strlen("date: \"2026-04-21\" signals { number: 1 }"),
                  FIVES_FORMAT_TEXT));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "check.signals[1]: signal 2 of steering is ticked twice at check "
      "\"c1\"",
      fives_journal_record_check(
          &out, j,
          U8("date: \"2026-04-21\" signals { pillar: PILLAR_STEERING "
             "number: 2 } signals { pillar: PILLAR_STEERING number: 2 }"),
          strlen("date: \"2026-04-21\" signals { pillar: PILLAR_STEERING "
                 "number: 2 } signals { pillar: PILLAR_STEERING number: 2 }"),
          FIVES_FORMAT_TEXT));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "check.signals[0].check_id: \"c7\" is not the check \"c1\"",
      fives_journal_record_check(
          &out, j,
          U8("date: \"2026-04-21\" signals { check_id: \"c7\" pillar: "
             "PILLAR_STEERING number: 2 }"),
          strlen("date: \"2026-04-21\" signals { check_id: \"c7\" pillar: "
                 "PILLAR_STEERING number: 2 }"),
          FIVES_FORMAT_TEXT));
  CHECK_OK(fives_journal_record_check(&out, j, U8(kCheck1Json),
                                      strlen(kCheck1Json), FIVES_FORMAT_JSON));
  CHECK(strcmp(Text(&out), "c1") == 0);
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_charter(&out, j, FIVES_FORMAT_JSON));
  CHECK(Contains(&out,
                 "\"signals\":[{\"check_id\":\"c1\",\"pillar\":"
                 "\"PILLAR_STEERING\",\"number\":2},{\"check_id\":\"c1\","
                 "\"pillar\":\"PILLAR_STRUCTURE\",\"number\":1}]"));
  fives_buffer_free(&out);

  StartPhase("charter: tick signals");
  CHECK_OK(fives_journal_tick_signals(j, U8(kTickText), strlen(kTickText),
                                      FIVES_FORMAT_TEXT));
  /* No ticks: nothing changes. */
  {
    Snapshot before = TakeSnapshot(j);
    CHECK_OK(fives_journal_tick_signals(j, U8("{\"check_id\": \"c1\"}"),
                                        strlen("{\"check_id\": \"c1\"}"),
                                        FIVES_FORMAT_JSON));
    CheckSnapshot(j, &before, __LINE__);
  }
  kept = CharterBytes(j);
  EXPECT_FAIL(j, FIVES_NOT_FOUND, "request.check_id: no check \"c9\"",
              fives_journal_tick_signals(
                  j, U8("check_id: \"c9\" ticks { pillar: 1 number: 1 }"),
                  strlen("check_id: \"c9\" ticks { pillar: 1 number: 1 }"),
                  FIVES_FORMAT_TEXT));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request.check_id: empty",
              fives_journal_tick_signals(
                  j, U8("ticks { pillar: PILLAR_SYNERGY number: 1 }"),
                  strlen("ticks { pillar: PILLAR_SYNERGY number: 1 }"),
                  FIVES_FORMAT_TEXT));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request.check_id: empty",
              fives_journal_tick_signals(j, NULL, 0, FIVES_FORMAT_BINARY));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "request.ticks[1].number: 3 is outside the 2 warning signals of "
      "success (1..2)",
      fives_journal_tick_signals(
          j,
          U8("check_id: \"c1\" ticks { pillar: PILLAR_SUCCESS number: 2 } "
             "ticks { pillar: PILLAR_SUCCESS number: 3 }"),
          strlen("check_id: \"c1\" ticks { pillar: PILLAR_SUCCESS number: 2 "
                 "} ticks { pillar: PILLAR_SUCCESS number: 3 }"),
          FIVES_FORMAT_TEXT));
  /* The deprecated 0-based field, in text and JSON: refused, not read. */
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "request.ticks[0].signal: 1: the 0-based field is no longer read; give "
      "number (1..2)",
      fives_journal_tick_signals(
          j, U8("check_id: \"c1\" ticks { pillar: PILLAR_SUCCESS signal: 1 }"),
          strlen("check_id: \"c1\" ticks { pillar: PILLAR_SUCCESS signal: 1 "
                 "}"),
          FIVES_FORMAT_TEXT));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "request.ticks[0].signal: 2: the 0-based field is no longer read; give "
      "number (1..3)",
      fives_journal_tick_signals(
          j,
          U8("{\"check_id\": \"c1\", \"ticks\": [{\"pillar\": "
             "\"PILLAR_SYNERGY\", \"signal\": 2, \"number\": 3}]}"),
          strlen("{\"check_id\": \"c1\", \"ticks\": [{\"pillar\": "
                 "\"PILLAR_SYNERGY\", \"signal\": 2, \"number\": 3}]}"),
          FIVES_FORMAT_JSON));
  /* Ticked already at c1 (by the check, and by the tick above). */
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "request.ticks[0]: signal 2 of steering is ticked twice at check \"c1\"",
      fives_journal_tick_signals(
          j, U8("check_id: \"c1\" ticks { pillar: PILLAR_STEERING number: 2 }"),
          strlen("check_id: \"c1\" ticks { pillar: PILLAR_STEERING number: 2 "
                 "}"),
          FIVES_FORMAT_TEXT));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT,
              "request.ticks[0]: signal 3 of synergy",
              fives_journal_tick_signals(j, U8(kTickText), strlen(kTickText),
                                         FIVES_FORMAT_TEXT));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT,
              "request.ticks[1]: signal 1 of synergy is ticked twice",
              fives_journal_tick_signals(
                  j,
                  U8("{\"check_id\": \"c1\", \"ticks\": ["
                     "{\"pillar\": \"PILLAR_SYNERGY\", \"number\": 1},"
                     "{\"pillar\": \"PILLAR_SYNERGY\", \"number\": 1}]}"),
                  strlen("{\"check_id\": \"c1\", \"ticks\": ["
                         "{\"pillar\": \"PILLAR_SYNERGY\", \"number\": 1},"
                         "{\"pillar\": \"PILLAR_SYNERGY\", \"number\": 1}]}"),
                  FIVES_FORMAT_JSON));
  /* Binary requests: a tick naming another check, a pillar and a signal
   * outside the catalog. */
  p.len = 0;
  PutString(&p, 1, "c1");
  PutTick(&p, 2, "c2", FIVES_PILLAR_SYNERGY, 1);
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "request.ticks[0].check_id: \"c2\" is not the check \"c1\"",
      fives_journal_tick_signals(j, p.data, p.len, FIVES_FORMAT_BINARY));
  p.len = 0;
  PutString(&p, 1, "c1");
  PutTick(&p, 2, "c1", FIVES_PILLAR_SYNERGY, 1);
  PutTick(&p, 2, NULL, 9, 1);
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "request.ticks[1].pillar: 9 is not a pillar",
      fives_journal_tick_signals(j, p.data, p.len, FIVES_FORMAT_BINARY));
  p.len = 0;
  PutString(&p, 1, "c1");
  PutTick(&p, 2, NULL, FIVES_PILLAR_STRATEGY, 4);
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "request.ticks[0].number: 4 is outside the 3 warning signals "
      "of strategy (1..3)",
      fives_journal_tick_signals(j, p.data, p.len, FIVES_FORMAT_BINARY));
  /* Malformed, of another type, of another format, oversized. */
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "request",
      fives_journal_tick_signals(j, U8("\x0a\xff"), 2, FIVES_FORMAT_BINARY));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request: not JSON",
              fives_journal_tick_signals(j, U8("{"), 1, FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "request",
      fives_journal_tick_signals(j, U8("ticks {"), 7, FIVES_FORMAT_TEXT));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "fives.v1.SignalTickRequest",
              fives_journal_tick_signals(j, U8("{\"date\": \"2026-04-21\"}"),
                                         strlen("{\"date\": \"2026-04-21\"}"),
                                         FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "format",
      fives_journal_tick_signals(j, U8(kTickText), strlen(kTickText), 4));
  EXPECT_FAIL(j, FIVES_RESOURCE_EXHAUSTED, "request",
              fives_journal_tick_signals(j, U8(kTickText), kTooManyBytes,
                                         FIVES_FORMAT_TEXT));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request: NULL",
              fives_journal_tick_signals(j, NULL, 5, FIVES_FORMAT_TEXT));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_tick_signals(NULL, U8(kTickText), strlen(kTickText),
                                         FIVES_FORMAT_TEXT));
  again = CharterBytes(j);
  CHECK(SameBytes(&kept, &again));
  fives_buffer_free(&again);
  fives_buffer_free(&kept);

  StartPhase("charter: signals counted over the checks");
  /* Check c2 (binary request): steering:2 again. */
  p.len = 0;
  PutString(&p, 1, "2026-05-20");
  PutTick(&p, 9, NULL, FIVES_PILLAR_STEERING, 2);
  CHECK_OK(
      fives_journal_record_check(&out, j, p.data, p.len, FIVES_FORMAT_BINARY));
  CHECK(strcmp(Text(&out), "c2") == 0);
  fives_buffer_free(&out);
  /* Between the checks: c1 only. */
  CHECK_OK(fives_journal_review_charter(&out, j, "2026-05-01", 0,
                                        FIVES_FORMAT_JSON));
  CHECK(Contains(&out,
                 "\"signals\":[{\"checks\":1,\"first\":\"2026-04-21\","
                 "\"last\":\"2026-04-21\",\"at_latest_check\":true,"
                 "\"number\":2}]"));
  CHECK(Contains(&out, "\"warnings\":1,\"checks\":1}"));
  CHECK(Near(Readiness(&out, "success"), 1.0));
  fives_buffer_free(&out);
  /* After both. */
  CHECK_OK(fives_journal_review_charter(&out, j, "2026-06-01", 0,
                                        FIVES_FORMAT_JSON));
  CHECK(Contains(&out,
                 "\"signals\":[{\"checks\":2,\"first\":\"2026-04-21\","
                 "\"last\":\"2026-05-20\",\"at_latest_check\":true,"
                 "\"number\":2}]"));
  /* Synergy 3 and structure 1 at c1 only: not at the latest check. */
  CHECK(Contains(&out,
                 "\"signals\":[{\"checks\":1,\"first\":\"2026-04-21\","
                 "\"last\":\"2026-04-21\",\"number\":3}]"));
  CHECK(Contains(&out,
                 "\"signals\":[{\"checks\":1,\"first\":\"2026-04-21\","
                 "\"last\":\"2026-04-21\",\"number\":1}]"));
  CHECK(!Contains(&out, "\"signal\""));
  CHECK(Contains(&out, "\"warnings\":1,\"checks\":2}"));
  CHECK(Near(Readiness(&out, "success"), 1.0));
  CHECK(Near(Readiness(&out, "steering"), 0.25));
  CHECK(Contains(&out,
                 "\"next\":{\"pillar\":\"PILLAR_STEERING\",\"key\":\"kpis\","
                 "\"reason\":\"NEXT_REASON_LOWEST_READINESS\"}"));
  fives_buffer_free(&out);

  StartPhase("charter: set, refused");
  kept = CharterBytes(j);
  CHECK(kept.data != NULL && kept.len > 0);
  edited = Replaced(kCharterText, "owner_id: \"carla\"", "owner_id: \"zed\"");
  CHECK(edited != NULL);
  if (edited != NULL) {
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT,
                "charter.steering.kpis[0].owner_id: \"zed\" is not a member "
                "of the team",
                fives_journal_set_charter(j, U8(edited), strlen(edited),
                                          FIVES_FORMAT_TEXT, "2026-06-02"));
    free(edited);
  }
  edited = Replaced(kCharterText, "owner_id: \"daan\"", "owner_id: \"\"");
  if (edited != NULL) {
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT,
                "charter.steering.risks[0].owner_id: empty",
                fives_journal_set_charter(j, U8(edited), strlen(edited),
                                          FIVES_FORMAT_TEXT, "2026-06-02"));
    free(edited);
  }
  edited = Replaced(kCharterText, "  not_doing:",
                    "  not_doing_updated: \"2026-02-30\" not_doing:");
  if (edited != NULL) {
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT,
                "charter.strategy.not_doing_updated: \"2026-02-30\" is not an "
                "ISO-8601 date",
                fives_journal_set_charter(j, U8(edited), strlen(edited),
                                          FIVES_FORMAT_TEXT, "2026-06-02"));
    free(edited);
  }
  edited = Replaced(kCharterText, " model: DECISION_MODEL_CONSENT", "");
  if (edited != NULL) {
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT,
                "charter.structure.decision_register[0].model: "
                "DECISION_MODEL_UNSPECIFIED",
                fives_journal_set_charter(j, U8(edited), strlen(edited),
                                          FIVES_FORMAT_TEXT, "2026-06-02"));
    free(edited);
  }
  edited = Replaced(kCharterText, "progress: 40", "progress: 140");
  if (edited != NULL) {
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT,
                "charter.success.goals[0].progress: 140 is outside 0..100",
                fives_journal_set_charter(j, U8(edited), strlen(edited),
                                          FIVES_FORMAT_TEXT, "2026-06-02"));
    free(edited);
  }
  /* Signals are ticked at a check, not set. */
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "charter.signals: 1 ticks that differ",
      fives_journal_set_charter(
          j,
          U8("signals { check_id: \"c1\" pillar: PILLAR_SUCCESS number: 1 }"),
          strlen(
              "signals { check_id: \"c1\" pillar: PILLAR_SUCCESS number: 1 }"),
          FIVES_FORMAT_TEXT, "2026-06-02"));
  /* A charter of an older host, its tick by the 0-based field. */
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT,
      "charter.signals[0].signal: 1: the 0-based field is no longer read; "
      "give number (1..3)",
      fives_journal_set_charter(
          j,
          U8("signals { check_id: \"c1\" pillar: PILLAR_STEERING signal: 1 }"),
          strlen(
              "signals { check_id: \"c1\" pillar: PILLAR_STEERING signal: 1 }"),
          FIVES_FORMAT_TEXT, "2026-06-02"));
  /* Dates and messages. */
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "today",
      fives_journal_set_charter(j, U8(kCharterText), strlen(kCharterText),
                                FIVES_FORMAT_TEXT, "2026-13-01"));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "today: NULL",
      fives_journal_set_charter(j, U8(kCharterText), strlen(kCharterText),
                                FIVES_FORMAT_TEXT, NULL));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "charter: NULL",
      fives_journal_set_charter(j, NULL, 3, FIVES_FORMAT_TEXT, "2026-06-02"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "charter",
              fives_journal_set_charter(j, U8("strategy {"), 10,
                                        FIVES_FORMAT_TEXT, "2026-06-02"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT,
              "charter: the bytes are not a fives.v1.Charter",
              fives_journal_set_charter(j, U8("\x0a\xff\xff"), 3,
                                        FIVES_FORMAT_BINARY, "2026-06-02"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "charter: not JSON",
              fives_journal_set_charter(j, U8("{\"bogus\": 1}"), 12,
                                        FIVES_FORMAT_JSON, "2026-06-02"));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "charter",
      fives_journal_set_charter(j, U8(kCharterText), strlen(kCharterText),
                                FIVES_FORMAT_JSON, "2026-06-02"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format: 4",
              fives_journal_set_charter(j, U8(kCharterText),
                                        strlen(kCharterText), 4, "2026-06-02"));
  EXPECT_FAIL(j, FIVES_RESOURCE_EXHAUSTED, "charter",
              fives_journal_set_charter(j, U8(kCharterText), kTooManyBytes,
                                        FIVES_FORMAT_TEXT, "2026-06-02"));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
      fives_journal_set_charter(NULL, U8(kCharterText), strlen(kCharterText),
                                FIVES_FORMAT_TEXT, "2026-06-02"));
  again = CharterBytes(j);
  CHECK(SameBytes(&kept, &again));
  fives_buffer_free(&again);
  fives_buffer_free(&kept);

  StartPhase("charter: set, an edit dated today");
  /* The text read back, with one agreement changed and its date kept: that
   * agreement is dated today, the others keep 2026-03-01, and the signals
   * stay. */
  fives_buffer_free(&text);
  CHECK_OK(fives_journal_charter(&text, j, FIVES_FORMAT_TEXT));
  CHECK(Contains(&text, "signals {"));
  edited = Replaced(Text(&text), "\"Disagree inside, commit outside\"",
                    "\"Disagree inside, commit outside, say so\"");
  CHECK(edited != NULL);
  if (edited != NULL) {
    CHECK_OK(fives_journal_set_charter(j, U8(edited), strlen(edited),
                                       FIVES_FORMAT_TEXT, "2026-06-02"));
    free(edited);
  }
  CHECK_OK(fives_journal_charter(&out, j, FIVES_FORMAT_JSON));
  CHECK(Contains(&out,
                 "\"disagreement_norm\":\"Disagree inside, commit outside, say "
                 "so\",\"disagreement_norm_updated\":\"2026-06-02\""));
  CHECK(Contains(&out, "\"shared_sentence_updated\":\"2026-03-01\""));
  CHECK(CountOf(Text(&out), "\"check_id\":\"c1\"") == 3);
  CHECK(CountOf(Text(&out), "\"check_id\":\"c2\"") == 1);
  fives_buffer_free(&out);
  /* Without signals, the journal's are kept. */
  CHECK_OK(fives_journal_set_charter(j, U8(kCharterText), strlen(kCharterText),
                                     FIVES_FORMAT_TEXT, "2026-06-03"));
  CHECK_OK(fives_journal_charter(&out, j, FIVES_FORMAT_TEXT));
  CHECK(CountOf(Text(&out), "signals {") == 4);
  /* Undated agreements are confirmed today. */
  CHECK(Contains(&out, "shared_sentence_updated: \"2026-06-03\""));
  fives_buffer_free(&out);
  fives_buffer_free(&text);

  StartPhase("charter: forgetting a member reaches the charter");
  CHECK_OK(fives_journal_forget_member(j, "carla"));
  CHECK_OK(fives_journal_charter(&out, j, FIVES_FORMAT_JSON));
  CHECK(!Contains(&out, "carla"));
  fives_buffer_free(&out);
  fives_journal_free(j);
}

/* The review of the cycle's journal, which has no charter but plans: the
 * next agreement is the first of the latest plan's focus (p2: steering);
 * its checks make the guardian and the check rhythm (c2 on 2026-05-20, 42
 * days before) agreements in place. */
static void TestCharterReviewOfCycle(fives_journal* j) {
  fives_buffer out = FIVES_BUFFER_INIT;
  StartPhase("charter: review with a plan's focus");
  CHECK_OK(fives_journal_review_charter(&out, j, "2026-07-01", 0,
                                        FIVES_FORMAT_JSON));
  CHECK(Contains(&out,
                 "\"next\":{\"pillar\":\"PILLAR_STEERING\",\"key\":\"kpis\","
                 "\"reason\":\"NEXT_REASON_PLAN_FOCUS\"},\"checks\":2}"));
  CHECK(Near(Readiness(&out, "success"), 2.0 / 3));
  CHECK(Contains(&out, "\"missing\":[\"goals\"]"));
  fives_buffer_free(&out);
}

/* ---- Arguments: NULL, fake handles, bad strings, formats ---- */

/* Storage that is not a journal: readable, aligned, first 8 bytes not the
 * magic. */
static uint64_t fake_storage[512];

static void TestNullArguments(fives_journal* j) {
  fives_journal* made = NULL;
  const int32_t scores[5] = {3, 3, 3, 3, 3};
  StartPhase("NULL pointers");
  fives_journal_free(NULL); /* accepted */

  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_journal_new(NULL, "t", "T", NULL, 0, 0));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "config: NULL",
              fives_journal_new(&made, "t", "T", NULL, 4, FIVES_FORMAT_JSON));
  CHECK(made == NULL);
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_journal_parse(NULL, U8("{}"), 2, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_parse(&made, NULL, 10, FIVES_FORMAT_BINARY));
  CHECK(made == NULL);
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_journal_load(NULL, "/nonexistent"));

  /* Every function with a journal: NULL. */
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_serialize(&out, NULL, FIVES_FORMAT_BINARY));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_save(NULL, "x"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_add_member(NULL, "x", "X", "2026-01-01"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_member_leaves(NULL, "anna", "2026-01-01"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_forget_member(NULL, "anna"));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
      fives_journal_start_round(NULL, "rx", "2026-07-01", FIVES_ROUND_OPEN));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_add_response(NULL, "r3", "bram", scores));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_close_round(NULL, "r3", "2026-07-01"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_report(&out, NULL, NULL, "en", FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_report_text(&out, NULL, NULL, "en"));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
      fives_journal_compare_rounds(&out, NULL, "r1", "r2", FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_create_plan(&out, NULL, U8(kPlanJson),
                                        strlen(kPlanJson), FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_open_action(NULL, "a4", "2026-07-01"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_complete_action(NULL, "a4", "2026-07-01"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_drop_action(NULL, "a4", "2026-07-01", "r"));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
      fives_journal_add_feedback(NULL, "a4", "2026-07-01", "anna", "t", -1));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_follow_up(&out, NULL, "2026-07-01", NULL, 0,
                                      FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
      fives_journal_check_status(&out, NULL, "2026-07-01", FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
      fives_journal_record_check(&out, NULL, U8(kCheckJson), strlen(kCheckJson),
                                 FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_guardian(&out, NULL, "2026-07-01"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_charter(&out, NULL, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_set_charter(NULL, U8("{}"), 2, FIVES_FORMAT_JSON,
                                        "2026-07-01"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_review_charter(&out, NULL, "2026-07-01", 0,
                                           FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal: NULL",
              fives_journal_tick_signals(NULL, U8("{\"check_id\": \"c1\"}"),
                                         strlen("{\"check_id\": \"c1\"}"),
                                         FIVES_FORMAT_JSON));

  /* Every out parameter: NULL. */
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_journal_serialize(NULL, j, FIVES_FORMAT_BINARY));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_journal_report(NULL, j, NULL, "en", FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_journal_report_text(NULL, j, NULL, "en"));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "out: NULL",
      fives_journal_compare_rounds(NULL, j, "r1", "r2", FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_journal_create_plan(NULL, j, U8(kPlanJson),
                                        strlen(kPlanJson), FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_journal_follow_up(NULL, j, "2026-07-01", NULL, 0,
                                      FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "out: NULL",
      fives_journal_check_status(NULL, j, "2026-07-01", FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "out: NULL",
      fives_journal_record_check(NULL, j, U8(kCheckJson), strlen(kCheckJson),
                                 FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_journal_guardian(NULL, j, "2026-07-01"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_journal_charter(NULL, j, FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_journal_review_charter(NULL, j, "2026-07-01", 0,
                                           FIVES_FORMAT_JSON));

  /* Other pointers. */
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "scores: NULL",
              fives_journal_add_response(j, "r3", "bram", NULL));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request: NULL",
              fives_journal_create_plan(&out, j, NULL, 10, FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request: NULL",
              fives_journal_record_check(&out, j, NULL, 10, FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "charter: NULL",
      fives_journal_set_charter(j, NULL, 10, FIVES_FORMAT_JSON, "2026-07-01"));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request: NULL",
              fives_journal_tick_signals(j, NULL, 10, FIVES_FORMAT_JSON));
  /* NULL with length 0 is an empty request: parsed, then refused for its
   * missing date. */
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request.created",
              fives_journal_create_plan(&out, j, NULL, 0, FIVES_FORMAT_BINARY));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "request.date",
      fives_journal_record_check(&out, j, NULL, 0, FIVES_FORMAT_BINARY));
}

/* A non-empty out buffer, for every function with one. */
static void TestNonEmptyOut(fives_journal* j) {
  static uint8_t kept[3] = {'o', 'l', 'd'};
  fives_buffer out;
  const int32_t one[1] = {3};
  const uint32_t groups[1] = {0};
  const uint8_t scores[5] = {3, 3, 3, 3, 3};
  int calls = 0, refused = 0, intact = 0;
  StartPhase("non-empty out buffers");
#define REFUSED(call)                                                \
  do {                                                               \
    out.data = kept;                                                 \
    out.len = sizeof kept;                                           \
    ++calls;                                                         \
    CHECK_ERROR(FIVES_INVALID_ARGUMENT, "out: not empty", call);     \
    refused += strstr(fives_last_error(), "out: not empty") != NULL; \
    intact += out.data == kept && out.len == sizeof kept;            \
  } while (0)
  REFUSED(fives_catalog(&out, FIVES_FORMAT_JSON));
  REFUSED(fives_pillar_texts(&out, 1, "en", FIVES_FORMAT_JSON));
  REFUSED(fives_score_stats(&out, one, 1, FIVES_FORMAT_JSON));
  REFUSED(fives_bulk_stats(&out, groups, scores, 1, 1, FIVES_FORMAT_JSON));
  REFUSED(fives_journal_serialize(&out, j, FIVES_FORMAT_JSON));
  REFUSED(fives_journal_report(&out, j, "r1", "en", FIVES_FORMAT_JSON));
  REFUSED(fives_journal_report_text(&out, j, "r1", "en"));
  REFUSED(fives_journal_compare_rounds(&out, j, "r1", "r2", FIVES_FORMAT_JSON));
  REFUSED(fives_journal_create_plan(&out, j, U8(kPlanJson), strlen(kPlanJson),
                                    FIVES_FORMAT_JSON));
  REFUSED(fives_journal_follow_up(&out, j, "2026-07-01", NULL, 0,
                                  FIVES_FORMAT_JSON));
  REFUSED(fives_journal_check_status(&out, j, "2026-07-01", FIVES_FORMAT_JSON));
  REFUSED(fives_journal_record_check(&out, j, U8(kCheckJson),
                                     strlen(kCheckJson), FIVES_FORMAT_JSON));
  REFUSED(fives_journal_guardian(&out, j, "2026-07-01"));
  REFUSED(fives_journal_charter(&out, j, FIVES_FORMAT_JSON));
  REFUSED(fives_journal_review_charter(&out, j, "2026-07-01", 0,
                                       FIVES_FORMAT_JSON));
#undef REFUSED
  CHECK(refused == calls && intact == calls && calls == 15);
}

/* A pointer that is not a live handle is refused where that is safe to
 * detect: readable memory whose first 8 bytes are not the magic. */
static void TestFakeHandle(void) {
  fives_journal* fake = (fives_journal*)(void*)fake_storage;
  const int32_t scores[5] = {3, 3, 3, 3, 3};
  const char* const kNotLive = "journal: not a live fives_journal";
  int round;
  StartPhase("fake handles");
  for (round = 0; round < 2; ++round) {
    /* Zeroed, then garbage. */
    memset(fake_storage, round == 0 ? 0 : 0xA5, sizeof fake_storage);
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_serialize(&out, fake, FIVES_FORMAT_BINARY));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_save(fake, "x"));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_add_member(fake, "x", "X", "2026-01-01"));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_member_leaves(fake, "x", "2026-01-01"));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_forget_member(fake, "x"));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_start_round(fake, "r", "2026-01-01", 1));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_add_response(fake, "r", "x", scores));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_import_scores_csv(fake, "r", U8("m"), 1));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_close_round(fake, "r", "2026-01-01"));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_report(&out, fake, NULL, "en", 1));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_report_text(&out, fake, NULL, "en"));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_compare_rounds(&out, fake, "a", "b", 1));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_create_plan(&out, fake, U8("{}"), 2, 2));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_open_action(fake, "a1", "2026-01-01"));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_complete_action(fake, "a1", "2026-01-01"));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_drop_action(fake, "a1", "2026-01-01", "r"));
    EXPECT_FAIL(
        NULL, FIVES_INVALID_ARGUMENT, kNotLive,
        fives_journal_add_feedback(fake, "a1", "2026-01-01", "x", "t", -1));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_follow_up(&out, fake, "2026-01-01", NULL, 0, 1));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_check_status(&out, fake, "2026-01-01", 1));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_record_check(&out, fake, U8("{}"), 2, 2));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_guardian(&out, fake, "2026-01-01"));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_charter(&out, fake, 1));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_set_charter(fake, U8("{}"), 2, 2, "2026-01-01"));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_review_charter(&out, fake, "2026-01-01", 0, 1));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, kNotLive,
                fives_journal_tick_signals(fake, U8("{}"), 2, 2));
  }
}

/* Every string argument of every function, given `bad`: the call fails
 * with `code` and a message "<argument>: <kind>...". Optional strings
 * (report's round_id, follow_up's owner_id) are skipped for NULL. */
static void StringArguments(fives_journal* j, const char* bad, int code,
                            const char* kind, int is_null) {
  char n[128];
  fives_journal* made = (fives_journal*)(void*)fake_storage;
  const int32_t scores[5] = {3, 3, 3, 3, 3};
#define FIELD(name) (snprintf(n, sizeof n, "%s: %s", name, kind), n)
  EXPECT_FAIL(NULL, code, FIELD("language"),
              fives_pillar_texts(&out, 1, bad, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, code, FIELD("team_id"),
              fives_journal_new(&made, bad, "T", NULL, 0, 0));
  CHECK(made == NULL);
  made = (fives_journal*)(void*)fake_storage;
  EXPECT_FAIL(NULL, code, FIELD("team_name"),
              fives_journal_new(&made, "t", bad, NULL, 0, 0));
  CHECK(made == NULL);
  made = (fives_journal*)(void*)fake_storage;
  EXPECT_FAIL(NULL, code, FIELD("path"), fives_journal_load(&made, bad));
  CHECK(made == NULL);
  EXPECT_FAIL(j, code, FIELD("path"), fives_journal_save(j, bad));
  EXPECT_FAIL(j, code, FIELD("id"),
              fives_journal_add_member(j, bad, "X", "2026-07-01"));
  EXPECT_FAIL(j, code, FIELD("display_name"),
              fives_journal_add_member(j, "xavier", bad, "2026-07-01"));
  EXPECT_FAIL(j, code, FIELD("joined"),
              fives_journal_add_member(j, "xavier", "X", bad));
  EXPECT_FAIL(j, code, FIELD("id"),
              fives_journal_member_leaves(j, bad, "2026-07-01"));
  EXPECT_FAIL(j, code, FIELD("left"),
              fives_journal_member_leaves(j, "daan", bad));
  EXPECT_FAIL(j, code, FIELD("id"), fives_journal_forget_member(j, bad));
  EXPECT_FAIL(
      j, code, FIELD("round_id"),
      fives_journal_start_round(j, bad, "2026-07-01", FIVES_ROUND_OPEN));
  EXPECT_FAIL(j, code, FIELD("date"),
              fives_journal_start_round(j, "r4", bad, FIVES_ROUND_OPEN));
  EXPECT_FAIL(j, code, FIELD("round_id"),
              fives_journal_add_response(j, bad, "bram", scores));
  EXPECT_FAIL(j, code, FIELD("member_id"),
              fives_journal_add_response(j, "r3", bad, scores));
  EXPECT_FAIL(j, code, FIELD("round_id"),
              fives_journal_close_round(j, bad, "2026-07-01"));
  EXPECT_FAIL(j, code, FIELD("date"), fives_journal_close_round(j, "r3", bad));
  if (!is_null) {
    EXPECT_FAIL(j, code, FIELD("round_id"),
                fives_journal_report(&out, j, bad, "en", FIVES_FORMAT_JSON));
    EXPECT_FAIL(j, code, FIELD("round_id"),
                fives_journal_report_text(&out, j, bad, "en"));
    EXPECT_FAIL(j, code, FIELD("owner_id"),
                fives_journal_follow_up(&out, j, "2026-07-01", bad, 0,
                                        FIVES_FORMAT_JSON));
  }
  EXPECT_FAIL(j, code, FIELD("language"),
              fives_journal_report(&out, j, "r1", bad, FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, code, FIELD("language"),
              fives_journal_report_text(&out, j, "r1", bad));
  EXPECT_FAIL(
      j, code, FIELD("before_round_id"),
      fives_journal_compare_rounds(&out, j, bad, "r2", FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, code, FIELD("after_round_id"),
      fives_journal_compare_rounds(&out, j, "r1", bad, FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, code, FIELD("action_id"),
              fives_journal_open_action(j, bad, "2026-07-01"));
  EXPECT_FAIL(j, code, FIELD("date"), fives_journal_open_action(j, "a4", bad));
  EXPECT_FAIL(j, code, FIELD("action_id"),
              fives_journal_complete_action(j, bad, "2026-07-01"));
  EXPECT_FAIL(j, code, FIELD("date"),
              fives_journal_complete_action(j, "a4", bad));
  EXPECT_FAIL(j, code, FIELD("action_id"),
              fives_journal_drop_action(j, bad, "2026-07-01", "r"));
  EXPECT_FAIL(j, code, FIELD("date"),
              fives_journal_drop_action(j, "a4", bad, "r"));
  EXPECT_FAIL(j, code, FIELD("reason"),
              fives_journal_drop_action(j, "a4", "2026-07-01", bad));
  EXPECT_FAIL(
      j, code, FIELD("action_id"),
      fives_journal_add_feedback(j, bad, "2026-07-01", "anna", "t", -1));
  EXPECT_FAIL(j, code, FIELD("date"),
              fives_journal_add_feedback(j, "a4", bad, "anna", "t", -1));
  EXPECT_FAIL(j, code, FIELD("author_id"),
              fives_journal_add_feedback(j, "a4", "2026-07-01", bad, "t", -1));
  EXPECT_FAIL(
      j, code, FIELD("text"),
      fives_journal_add_feedback(j, "a4", "2026-07-01", "anna", bad, -1));
  EXPECT_FAIL(
      j, code, FIELD("date"),
      fives_journal_follow_up(&out, j, bad, NULL, 0, FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, code, FIELD("date"),
              fives_journal_check_status(&out, j, bad, FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, code, FIELD("date"), fives_journal_guardian(&out, j, bad));
  EXPECT_FAIL(j, code, FIELD("today"),
              fives_journal_set_charter(j, NULL, 0, FIVES_FORMAT_BINARY, bad));
  EXPECT_FAIL(j, code, FIELD("as_of"),
              fives_journal_review_charter(&out, j, bad, 0, FIVES_FORMAT_JSON));
#undef FIELD
}

static void TestStrings(fives_journal* j) {
  static const char* const kInvalidUtf8[] = {
      "\xff",             /* never in UTF-8 */
      "\xc0\xaf",         /* overlong '/' */
      "\xe0\x80\xaf",     /* overlong, three bytes */
      "\xed\xa0\x80",     /* surrogate U+D800 */
      "\xf4\x90\x80\x80", /* above U+10FFFF */
      "abc\xe2\x82",      /* truncated sequence */
      "\x80x",            /* continuation byte first */
      "ok\xc3(",          /* bad continuation */
  };
  char* longest = LongString(65536);
  char* too_long = LongString(65537);
  char* huge = LongString(70000);
  fives_buffer out = FIVES_BUFFER_INIT;
  size_t i;
  StartPhase("strings: NULL");
  StringArguments(j, NULL, FIVES_INVALID_ARGUMENT, "NULL", 1);
  /* The optional strings accept NULL. */
  CHECK_OK(fives_journal_report(&out, j, NULL, "en", FIVES_FORMAT_BINARY));
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_report_text(&out, j, NULL, "en"));
  fives_buffer_free(&out);
  CHECK_OK(fives_journal_follow_up(&out, j, "2026-07-01", NULL, 0,
                                   FIVES_FORMAT_BINARY));
  fives_buffer_free(&out);

  StartPhase("strings: invalid UTF-8");
  for (i = 0; i < sizeof kInvalidUtf8 / sizeof kInvalidUtf8[0]; ++i) {
    StringArguments(j, kInvalidUtf8[i], FIVES_INVALID_ARGUMENT,
                    "not valid UTF-8", 0);
  }
  StartPhase("strings: too long");
  StringArguments(j, too_long, FIVES_RESOURCE_EXHAUSTED, "longer than", 0);
  StringArguments(j, huge, FIVES_RESOURCE_EXHAUSTED, "longer than", 0);
  /* 65,536 bytes passes the C ABI's bound on strings; as an id it is then
   * past the id_bytes limit (64). */
  EXPECT_FAIL(j, FIVES_RESOURCE_EXHAUSTED,
              "member.id: 65536 bytes, more than the limit of 64 "
              "(\"id_bytes\")",
              fives_journal_add_member(j, longest, "X", "2026-07-01"));

  StartPhase("strings: valid UTF-8");
  CHECK_OK(fives_journal_add_member(j, "zoe", "Zo\xc3\xab \xf0\x9f\x98\x80",
                                    "2026-07-01"));
  CHECK_OK(fives_journal_serialize(&out, j, FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "Zo\xc3\xab \xf0\x9f\x98\x80"));
  fives_buffer_free(&out);
  free(longest);
  free(too_long);
  free(huge);
}

static void TestFormats(fives_journal* j) {
  static const int kBad[] = {0, 4, -1, 1000, INT32_MIN};
  fives_journal* made = NULL;
  size_t i;
  StartPhase("formats");
  for (i = 0; i < sizeof kBad / sizeof kBad[0]; ++i) {
    const int f = kBad[i];
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_new(&made, "t", "T", U8("{}"), 2, f));
    CHECK(made == NULL);
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_parse(&made, U8("{}"), 2, f));
    CHECK(made == NULL);
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_serialize(&out, j, f));
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_report(&out, j, "r1", "en", f));
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_compare_rounds(&out, j, "r1", "r2", f));
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_create_plan(&out, j, U8(kPlanJson),
                                          strlen(kPlanJson), f));
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_follow_up(&out, j, "2026-07-01", NULL, 0, f));
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_check_status(&out, j, "2026-07-01", f));
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_record_check(&out, j, U8(kCheckJson),
                                           strlen(kCheckJson), f));
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_charter(&out, j, f));
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_set_charter(j, U8("{}"), 2, f, "2026-07-01"));
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_review_charter(&out, j, "2026-07-01", 0, f));
    EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "format",
                fives_journal_tick_signals(j, U8("{}"), 2, f));
  }
  /* No config: its format is not looked at. */
  CHECK_OK(fives_journal_new(&made, "t", "T", NULL, 0, 0));
  fives_journal_free(made);
  made = NULL;
}

/* ---- Messages: formats, malformed, truncated, wrong type, oversized ---- */

static void TestConfigs(void) {
  static const uint8_t kBinary[] = {0x08, 0x03, 0x10, 0x1e}; /* 3 per plan */
  static const char kText[] = "actions_per_plan: 3 check_min_days: 40";
  static const char kJson[] = "{\"actionsPerPlan\": 3, \"check_max_days\": 60}";
  fives_journal* made = NULL;
  fives_buffer out = FIVES_BUFFER_INIT;
  StartPhase("team configs");
  CHECK_OK(fives_journal_new(&made, "t", "T", kBinary, sizeof kBinary,
                             FIVES_FORMAT_BINARY));
  CHECK_OK(fives_journal_serialize(&out, made, FIVES_FORMAT_TEXT));
  CHECK(Contains(&out, "actions_per_plan: 3"));
  fives_buffer_free(&out);
  fives_journal_free(made);
  made = NULL;
  CHECK_OK(fives_journal_new(&made, "t", "T", U8(kText), strlen(kText),
                             FIVES_FORMAT_TEXT));
  CHECK_OK(fives_journal_serialize(&out, made, FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"check_min_days\":40") ||
        Contains(&out, "\"checkMinDays\":40"));
  fives_buffer_free(&out);
  fives_journal_free(made);
  made = NULL;
  CHECK_OK(fives_journal_new(&made, "t", "T", U8(kJson), strlen(kJson),
                             FIVES_FORMAT_JSON));
  fives_journal_free(made);
  made = NULL;

  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "actions_per_plan",
      fives_journal_new(&made, "t", "T", U8("actions_per_plan: 11"),
                        strlen("actions_per_plan: 11"), FIVES_FORMAT_TEXT));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "config",
      fives_journal_new(&made, "t", "T", U8("not json"), 8, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "config",
              fives_journal_new(&made, "t", "T", U8("{\"bogus\": 1}"), 12,
                                FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "config",
      fives_journal_new(&made, "t", "T", U8("bogus: 1"), 8, FIVES_FORMAT_TEXT));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "config",
      fives_journal_new(&made, "t", "T", kBinary, 3, FIVES_FORMAT_BINARY));
  EXPECT_FAIL(NULL, FIVES_RESOURCE_EXHAUSTED, "config",
              fives_journal_new(&made, "t", "T", kBinary, kTooManyBytes,
                                FIVES_FORMAT_BINARY));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "team.id",
              fives_journal_new(&made, "no spaces please", "T", NULL, 0, 0));
  CHECK(made == NULL);
}

static void TestMessages(fives_journal* j) {
  fives_buffer binary = FIVES_BUFFER_INIT;
  fives_buffer json = FIVES_BUFFER_INIT;
  fives_buffer text = FIVES_BUFFER_INIT;
  fives_buffer again = FIVES_BUFFER_INIT;
  fives_buffer catalog = FIVES_BUFFER_INIT;
  fives_buffer stats = FIVES_BUFFER_INIT;
  fives_journal* copy = NULL;
  static const int32_t kWorked[] = {4, 4, 5, 3, 4, 2};
  static const char* const kNotJson[] = {
      "",
      "not json",
      "{",
      "{\"team\": }",
      "[1, 2]",
      "{\"team\": 5}",
      "{\"team\": {\"id\": \"t\"}} trailing",
      "\xff\xfe",
      "null",
  };
  size_t i, cut;
  int others = 0, refused = 0;
  StartPhase("serialize and parse, each format");
  CHECK_OK(fives_journal_serialize(&binary, j, FIVES_FORMAT_BINARY));
  CHECK_OK(fives_journal_serialize(&json, j, FIVES_FORMAT_JSON));
  CHECK_OK(fives_journal_serialize(&text, j, FIVES_FORMAT_TEXT));
  CHECK(binary.len > 500 && IsText(&json) && IsText(&text));
  CHECK(Contains(&json, "\"team\":{\"id\":\"board\""));
  CHECK(Contains(&text, "team {"));
  CHECK(binary.data[binary.len] == 0);

  CHECK_OK(
      fives_journal_parse(&copy, binary.data, binary.len, FIVES_FORMAT_BINARY));
  CHECK_OK(fives_journal_serialize(&again, copy, FIVES_FORMAT_BINARY));
  CHECK(again.len == binary.len &&
        memcmp(again.data, binary.data, binary.len) == 0);
  fives_buffer_free(&again);
  fives_journal_free(copy);
  copy = NULL;

  CHECK_OK(fives_journal_parse(&copy, json.data, json.len, FIVES_FORMAT_JSON));
  CHECK_OK(fives_journal_serialize(&again, copy, FIVES_FORMAT_BINARY));
  CHECK(again.len == binary.len &&
        memcmp(again.data, binary.data, binary.len) == 0);
  fives_buffer_free(&again);
  fives_journal_free(copy);
  copy = NULL;

  CHECK_OK(fives_journal_parse(&copy, text.data, text.len, FIVES_FORMAT_TEXT));
  CHECK_OK(fives_journal_serialize(&again, copy, FIVES_FORMAT_BINARY));
  CHECK(again.len == binary.len &&
        memcmp(again.data, binary.data, binary.len) == 0);
  fives_buffer_free(&again);
  /* The copy is independent of the original. */
  CHECK_OK(fives_journal_add_member(copy, "yara", "Yara", "2026-07-02"));
  CHECK_OK(fives_journal_serialize(&again, j, FIVES_FORMAT_BINARY));
  CHECK(again.len == binary.len &&
        memcmp(again.data, binary.data, binary.len) == 0);
  fives_buffer_free(&again);
  fives_journal_free(copy);
  copy = NULL;

  StartPhase("fields of a newer schema");
  {
    /* Field 100 = 42, unknown to this schema: kept by binary, through a
     * parse, a save and a load; left out of JSON and text. */
    static const uint8_t kUnknown[] = {0xa0, 0x06, 0x2a};
    uint8_t* newer = (uint8_t*)malloc(binary.len + sizeof kUnknown);
    char file[4200];
    if (newer == NULL) abort();
    memcpy(newer, binary.data, binary.len);
    memcpy(newer + binary.len, kUnknown, sizeof kUnknown);
    CHECK_OK(fives_journal_parse(&copy, newer, binary.len + sizeof kUnknown,
                                 FIVES_FORMAT_BINARY));
    PathIn(file, sizeof file, "newer.journal");
    CHECK_OK(fives_journal_save(copy, file));
    fives_journal_free(copy);
    copy = NULL;
    CHECK_OK(fives_journal_load(&copy, file));
    CHECK_OK(fives_journal_serialize(&again, copy, FIVES_FORMAT_BINARY));
    CHECK(again.len == binary.len + sizeof kUnknown &&
          memcmp(again.data, newer, again.len) == 0);
    fives_buffer_free(&again);
    CHECK_OK(fives_journal_serialize(&again, copy, FIVES_FORMAT_TEXT));
    CHECK(again.len == text.len &&
          memcmp(again.data, text.data, text.len) == 0);
    fives_buffer_free(&again);
    CHECK_OK(fives_journal_serialize(&again, copy, FIVES_FORMAT_JSON));
    CHECK(again.len == json.len &&
          memcmp(again.data, json.data, json.len) == 0);
    fives_buffer_free(&again);
    fives_journal_free(copy);
    copy = NULL;
    unlink(file);
    free(newer);
  }
  /* JSON refuses fields it does not know. */
  {
    char* unknown = (char*)malloc(json.len + 32);
    if (unknown == NULL) abort();
    snprintf(unknown, json.len + 32, "{\"bogus\":1,%s", Text(&json) + 1);
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "bogus",
                fives_journal_parse(&copy, U8(unknown), strlen(unknown),
                                    FIVES_FORMAT_JSON));
    CHECK(copy == NULL);
    free(unknown);
  }

  StartPhase("malformed messages");
  for (i = 0; i < sizeof kNotJson / sizeof kNotJson[0]; ++i) {
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal",
                fives_journal_parse(&copy, U8(kNotJson[i]), strlen(kNotJson[i]),
                                    FIVES_FORMAT_JSON));
    CHECK(copy == NULL);
  }
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal",
      fives_journal_parse(&copy, U8("team { id: "), 11, FIVES_FORMAT_TEXT));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal",
              fives_journal_parse(&copy, U8("\xff\xff\xff\xff"), 4,
                                  FIVES_FORMAT_BINARY));
  /* JSON given as binary and binary given as JSON or text. */
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal",
      fives_journal_parse(&copy, json.data, json.len, FIVES_FORMAT_BINARY));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal",
      fives_journal_parse(&copy, binary.data, binary.len, FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal",
      fives_journal_parse(&copy, binary.data, binary.len, FIVES_FORMAT_TEXT));
  /* An empty journal (no team) does not validate. */
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, NULL,
              fives_journal_parse(&copy, NULL, 0, FIVES_FORMAT_BINARY));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, NULL,
              fives_journal_parse(&copy, U8("{}"), 2, FIVES_FORMAT_JSON));
  /* A message of another type. */
  CHECK_OK(fives_catalog(&catalog, FIVES_FORMAT_BINARY));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, NULL,
              fives_journal_parse(&copy, catalog.data, catalog.len,
                                  FIVES_FORMAT_BINARY));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, NULL,
              fives_journal_create_plan(&out, j, catalog.data, catalog.len,
                                        FIVES_FORMAT_BINARY));
  fives_buffer_free(&catalog);
  CHECK_OK(fives_catalog(&catalog, FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal",
      fives_journal_parse(&copy, catalog.data, catalog.len, FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request",
              fives_journal_record_check(&out, j, catalog.data, catalog.len,
                                         FIVES_FORMAT_JSON));
  fives_buffer_free(&catalog);
  CHECK_OK(fives_score_stats(&stats, kWorked, 6, FIVES_FORMAT_TEXT));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal",
      fives_journal_parse(&copy, stats.data, stats.len, FIVES_FORMAT_TEXT));
  fives_buffer_free(&stats);
  /* Requests that are not JSON. */
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "request",
      fives_journal_create_plan(&out, j, U8("{plan}"), 6, FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      j, FIVES_INVALID_ARGUMENT, "request",
      fives_journal_record_check(&out, j, U8("[]"), 2, FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request",
              fives_journal_record_check(&out, j, U8("date 2026"), 9,
                                         FIVES_FORMAT_TEXT));
  EXPECT_FAIL(j, FIVES_INVALID_ARGUMENT, "request",
              fives_journal_record_check(&out, j, U8("\x0a\xff"), 2,
                                         FIVES_FORMAT_BINARY));

  StartPhase("truncated messages");
  /* Cut inside the first field, inside the middle, and inside the last:
   * never a whole message. */
  {
    const size_t cuts[] = {1, 2, 3, binary.len / 2, binary.len - 1};
    for (i = 0; i < sizeof cuts / sizeof cuts[0]; ++i) {
      EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal",
                  fives_journal_parse(&copy, binary.data, cuts[i],
                                      FIVES_FORMAT_BINARY));
      CHECK(copy == NULL);
    }
  }
  /* Any other cut is refused or, when it falls between fields, a shorter
   * journal that still validates; never anything else. */
  for (cut = 0; cut < binary.len; ++cut) {
    const int rc =
        fives_journal_parse(&copy, binary.data, cut, FIVES_FORMAT_BINARY);
    if (rc == FIVES_INVALID_ARGUMENT && copy == NULL) {
      ++refused;
    } else if (rc == FIVES_OK && copy != NULL) {
      fives_journal_free(copy);
      copy = NULL;
    } else {
      ++others;
    }
  }
  CHECK(others == 0);
  CHECK(refused > (int)binary.len / 2);
  /* A cut JSON text never parses. */
  refused = 0;
  for (cut = 0; cut < json.len; cut += 7) {
    refused += fives_journal_parse(&copy, json.data, cut, FIVES_FORMAT_JSON) ==
                   FIVES_INVALID_ARGUMENT &&
               copy == NULL;
  }
  CHECK(refused == (int)((json.len + 6) / 7));

  StartPhase("oversized messages");
  /* Refused from the length alone. */
  EXPECT_FAIL(NULL, FIVES_RESOURCE_EXHAUSTED, "journal",
              fives_journal_parse(&copy, binary.data, kTooManyBytes,
                                  FIVES_FORMAT_BINARY));
  EXPECT_FAIL(
      NULL, FIVES_RESOURCE_EXHAUSTED, "journal",
      fives_journal_parse(&copy, binary.data, (size_t)-1, FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_RESOURCE_EXHAUSTED, "request",
              fives_journal_create_plan(&out, j, U8(kPlanJson), kTooManyBytes,
                                        FIVES_FORMAT_JSON));
  EXPECT_FAIL(j, FIVES_RESOURCE_EXHAUSTED, "request",
              fives_journal_record_check(&out, j, U8(kCheckJson), kTooManyBytes,
                                         FIVES_FORMAT_JSON));

  fives_buffer_free(&binary);
  fives_buffer_free(&json);
  fives_buffer_free(&text);
}

/* ---- Files ---- */

/* 1 when the file at `path` holds exactly `len` bytes `data`. */
static int FileHolds(const char* path, const uint8_t* data, size_t len) {
  size_t got = 0;
  uint8_t* bytes = ReadFile(path, &got);
  int same = bytes != NULL && got == len && memcmp(bytes, data, len) == 0;
  free(bytes);
  return same;
}

/* A save to the path a journal was loaded from refuses to replace what
 * another process wrote there since: FIVES_ABORTED, naming the path, the
 * other file left as it is. A save to any other path is not checked; the
 * journal's own successful save renews what it remembers. */
static void TestFileChangedByAnotherProcess(fives_journal* j) {
  char path[4200], other[4200];
  fives_journal* mine = NULL;
  fives_journal* theirs = NULL;
  uint8_t* their_bytes;
  size_t their_len = 0;
  StartPhase("file changed by another process");
  PathIn(path, sizeof path, "shared.journal");
  PathIn(other, sizeof other, "elsewhere.journal");
  CHECK_OK(fives_journal_save(j, path));
  CHECK_OK(fives_journal_load(&mine, path));
  CHECK_OK(fives_journal_load(&theirs, path));
  if (mine == NULL || theirs == NULL) return;
  /* Unchanged: saved, twice (the first save renews the stamp). */
  CHECK_OK(fives_journal_add_member(mine, "ines", "Ines", "2026-07-03"));
  CHECK_OK(fives_journal_save(mine, path));
  CHECK_OK(fives_journal_save(mine, path));
  /* `theirs` was loaded before that save: refused, the file left alone. */
  CHECK_OK(fives_journal_add_member(theirs, "joop", "Joop", "2026-07-03"));
  their_bytes = ReadFile(path, &their_len);
  EXPECT_FAIL(theirs, FIVES_ABORTED, "changed by another process",
              fives_journal_save(theirs, path));
  CHECK_ERROR(FIVES_ABORTED, path, fives_journal_save(theirs, path));
  CHECK(their_bytes != NULL && FileHolds(path, their_bytes, their_len));
  /* To another path: no check. */
  CHECK_OK(fives_journal_save(theirs, other));
  /* Removed: refused too, nothing written. */
  CHECK(unlink(path) == 0);
  CHECK_ERROR(FIVES_ABORTED, "removed", fives_journal_save(mine, path));
  CHECK(access(path, F_OK) != 0);
  /* Put back with the same bytes (a new file, a new mtime): not changed. */
  CHECK(their_bytes != NULL && WriteFile(path, their_bytes, their_len));
  CHECK_OK(fives_journal_save(mine, path));
  free(their_bytes);
  CHECK(unlink(other) == 0 && unlink(path) == 0);
  fives_journal_free(mine);
  fives_journal_free(theirs);
}

static void TestFiles(fives_journal* j) {
  char path[4200], damaged[4200], missing[4200], folder[4200];
  fives_buffer before = FIVES_BUFFER_INIT;
  fives_buffer after = FIVES_BUFFER_INIT;
  fives_journal* loaded = NULL;
  uint8_t* bytes;
  size_t len = 0, at;
  int data_loss = 0, tried = 0;
  struct stat st;
  StartPhase("save and load");
  PathIn(path, sizeof path, "team.journal");
  PathIn(damaged, sizeof damaged, "damaged.journal");
  PathIn(missing, sizeof missing, "missing.journal");
  PathIn(folder, sizeof folder, "a-folder");
  CHECK_OK(fives_journal_save(j, path));
  CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
  CHECK_OK(fives_journal_load(&loaded, path));
  CHECK(loaded != NULL);
  CHECK_OK(fives_journal_serialize(&before, j, FIVES_FORMAT_BINARY));
  CHECK_OK(fives_journal_serialize(&after, loaded, FIVES_FORMAT_BINARY));
  CHECK(before.len == after.len &&
        memcmp(before.data, after.data, before.len) == 0);
  fives_buffer_free(&after);
  /* Saving again replaces the file. */
  CHECK_OK(fives_journal_add_member(loaded, "yara", "Yara", "2026-07-02"));
  CHECK_OK(fives_journal_save(loaded, path));
  fives_journal_free(loaded);
  loaded = NULL;
  CHECK_OK(fives_journal_load(&loaded, path));
  CHECK_OK(fives_journal_serialize(&after, loaded, FIVES_FORMAT_JSON));
  CHECK(Contains(&after, "\"yara\""));
  fives_buffer_free(&after);
  fives_journal_free(loaded);
  loaded = NULL;
  CHECK_OK(fives_journal_save(j, path));

  StartPhase("missing, foreign and damaged files");
  loaded = (fives_journal*)(void*)fake_storage;
  CHECK_ERROR(FIVES_NOT_FOUND, "missing.journal",
              fives_journal_load(&loaded, missing));
  CHECK(loaded == NULL);
  CHECK(mkdir(folder, 0700) == 0);
  CHECK(fives_journal_load(&loaded, folder) != FIVES_OK && loaded == NULL);
  /* Saving over a folder fails and leaves it. */
  CHECK(fives_journal_save(j, folder) != FIVES_OK &&
        fives_last_error()[0] != '\0');
  CHECK(stat(folder, &st) == 0 && S_ISDIR(st.st_mode));
  CHECK(rmdir(folder) == 0);
  /* A folder that does not exist. */
  {
    char nowhere[4300];
    snprintf(nowhere, sizeof nowhere, "%s/no/such/folder.journal", temp_dir);
    CHECK(fives_journal_save(j, nowhere) != FIVES_OK &&
          fives_last_error()[0] != '\0');
  }

  CHECK(fives_journal_save(j, "") != FIVES_OK && fives_last_error()[0] != '\0');
  CHECK_ERROR(FIVES_NOT_FOUND, NULL, fives_journal_load(&loaded, ""));

  CHECK(WriteFile(damaged, NULL, 0));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "empty",
              fives_journal_load(&loaded, damaged));
  CHECK(WriteFile(damaged, U8("{\"team\": {}}"), 12));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "not a fives journal",
              fives_journal_load(&loaded, damaged));
  CHECK(loaded == NULL);

  bytes = ReadFile(path, &len);
  CHECK(bytes != NULL && len > 100);
  if (bytes == NULL) return;
  /* Cut at every byte: DATA_LOSS. */
  for (at = 1; at < len; ++at) {
    ++tried;
    if (WriteFile(damaged, bytes, at) &&
        fives_journal_load(&loaded, damaged) == FIVES_DATA_LOSS &&
        loaded == NULL) {
      ++data_loss;
    } else if (loaded != NULL) {
      fives_journal_free(loaded);
      loaded = NULL;
    }
  }
  CHECK(data_loss == tried);
  /* One byte changed anywhere after the header (magic and format version,
   * 17 bytes): DATA_LOSS. */
  data_loss = tried = 0;
  for (at = 17; at < len; ++at) {
    bytes[at] ^= 0x20;
    ++tried;
    if (WriteFile(damaged, bytes, len) &&
        fives_journal_load(&loaded, damaged) == FIVES_DATA_LOSS &&
        loaded == NULL) {
      ++data_loss;
    } else {
      fprintf(stderr, "  byte %zu flipped: \"%s\"\n", at, fives_last_error());
      if (loaded != NULL) {
        fives_journal_free(loaded);
        loaded = NULL;
      }
    }
    bytes[at] ^= 0x20;
  }
  CHECK(data_loss == tried);
  /* A changed magic is a foreign file. */
  bytes[3] ^= 0x01;
  CHECK(WriteFile(damaged, bytes, len));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "not a fives journal",
              fives_journal_load(&loaded, damaged));
  bytes[3] ^= 0x01;
  /* A newer format version (this library writes 2). */
  CHECK(bytes[15] == 0x10 && bytes[16] == 0x02);
  bytes[16] = 0x03;
  CHECK(WriteFile(damaged, bytes, len));
  CHECK_ERROR(FIVES_FAILED_PRECONDITION, "version",
              fives_journal_load(&loaded, damaged));
  bytes[16] = 0x02;
  /* Loading never changes the file; the intact copy still loads. */
  CHECK(WriteFile(damaged, bytes, len));
  CHECK_OK(fives_journal_load(&loaded, damaged));
  CHECK_OK(fives_journal_serialize(&after, loaded, FIVES_FORMAT_BINARY));
  CHECK(before.len == after.len &&
        memcmp(before.data, after.data, before.len) == 0);
  fives_journal_free(loaded);
  free(bytes);
  fives_buffer_free(&before);
  fives_buffer_free(&after);
  unlink(damaged);
  unlink(path);
}

/* ---- Threads ---- */

typedef struct ThreadResult {
  int ok;
} ThreadResult;

/* Each thread sees only its own last error, while the functions without a
 * handle run concurrently. */
static void* ThreadBody(void* arg) {
  ThreadResult* result = (ThreadResult*)arg;
  static const int32_t kWorked[] = {4, 4, 5, 3, 4, 2};
  int i, ok = 1;
  for (i = 0; i < 200; ++i) {
    fives_buffer out = FIVES_BUFFER_INIT;
    ok &= fives_score_stats(&out, kWorked, 6, FIVES_FORMAT_JSON) == FIVES_OK;
    ok &= fives_last_error()[0] == '\0';
    ok &= out.data != NULL && strstr((const char*)out.data, "\"rwg\":0.4666");
    fives_buffer_free(&out);
    ok &= fives_pillar_texts(&out, 9, "en", FIVES_FORMAT_JSON) ==
          FIVES_INVALID_ARGUMENT;
    ok &= strstr(fives_last_error(), "pillar") != NULL;
  }
  /* A journal per thread. */
  for (i = 0; i < 20; ++i) {
    static const int32_t kScores5[5] = {4, 3, 2, 5, 4};
    fives_journal* j = NULL;
    fives_buffer out = FIVES_BUFFER_INIT;
    ok &= fives_journal_new(&j, "t", "T", NULL, 0, 0) == FIVES_OK;
    ok &= fives_journal_add_member(j, "m", "M", "2026-01-01") == FIVES_OK;
    ok &= fives_journal_start_round(j, "r", "2026-02-01", FIVES_ROUND_OPEN) ==
          FIVES_OK;
    ok &= fives_journal_add_response(j, "r", "m", kScores5) == FIVES_OK;
    ok &= fives_journal_close_round(j, "r", "2026-02-02") == FIVES_OK;
    ok &= fives_journal_report_text(&out, j, "r", "nl") == FIVES_OK;
    ok &= out.data != NULL && out.len > 0;
    fives_buffer_free(&out);
    fives_journal_free(j);
  }
  result->ok = ok;
  return NULL;
}

static void TestThreads(void) {
  pthread_t threads[4];
  ThreadResult results[4];
  int i, started = 0;
  StartPhase("threads");
  /* This thread's error survives the other threads' calls. */
  CHECK(fives_catalog(NULL, 1) == FIVES_INVALID_ARGUMENT);
  for (i = 0; i < 4; ++i) {
    results[i].ok = 0;
    started += pthread_create(&threads[i], NULL, ThreadBody, &results[i]) == 0;
  }
  CHECK(started == 4);
  for (i = 0; i < started; ++i) {
    pthread_join(threads[i], NULL);
    CHECK(results[i].ok);
  }
  CHECK(strstr(fives_last_error(), "out: NULL") != NULL);
}

/* ---- The organisation ---- */

/* The organisation of the tests: east (teams a, c) and west (b, d); the
 * teams' region crosses the tree: north = a + b, south = c + d. */
static const char kOrgText[] =
    "id: \"acme\" name: \"Acme\" group_by: \"region\"\n"
    "units { id: \"acme\" name: \"Acme\" }\n"
    "units { id: \"east\" name: \"East\" parent: \"acme\" }\n"
    "units { id: \"west\" name: \"West\" parent: \"acme\" }\n"
    "units { id: \"team-a\" name: \"Team A\" parent: \"east\" team_id: \"a\""
    "  attributes { key: \"region\" value: \"north\" } }\n"
    "units { id: \"team-c\" name: \"Team C\" parent: \"east\" team_id: \"c\""
    "  attributes { key: \"region\" value: \"south\" } }\n"
    "units { id: \"team-b\" name: \"Team B\" parent: \"west\" team_id: \"b\""
    "  attributes { key: \"region\" value: \"north\" } }\n"
    "units { id: \"team-d\" name: \"Team D\" parent: \"west\" team_id: \"d\""
    "  attributes { key: \"region\" value: \"south\" } }\n";

#define kH1From "2026-01-01"
#define kH1To "2026-06-30"
#define kH2From "2026-07-01"
#define kH2To "2026-12-31"

/* The journals of the tests, in the temporary folder's "org" folder:
 * members, a confidential round in each half year in which `answers`
 * members answer (0: no round), the first round with a plan. */
typedef struct OrgTeam {
  const char* id;
  int members;
  int answers[2];
} OrgTeam;

static const OrgTeam kOrgTeams[] = {
    {"a", 6, {6, 6}}, {"b", 7, {7, 7}}, {"c", 3, {3, 0}}, {"d", 5, {5, 5}}};
enum { kOrgTeamCount = 4 };

static char org_dir[4200];

static int SaveOrgTeam(const OrgTeam* t, const char* path) {
  static const char* const kRounds[2][3] = {{"r1", "2026-02-02", "2026-02-09"},
                                            {"r2", "2026-09-07", "2026-09-14"}};
  fives_journal* j = NULL;
  fives_buffer id = FIVES_BUFFER_INIT;
  Proto plan;
  char member[16];
  int32_t scores[5];
  int ok = fives_journal_new(&j, t->id, t->id, NULL, 0, 0) == FIVES_OK;
  int m, r, p;
  for (m = 0; ok && m < t->members; ++m) {
    snprintf(member, sizeof member, "m%d", m + 1);
    ok = fives_journal_add_member(j, member, member, "2026-01-05") == FIVES_OK;
  }
  for (r = 0; ok && r < 2; ++r) {
    if (t->answers[r] == 0) continue;
    ok = fives_journal_start_round(j, kRounds[r][0], kRounds[r][1],
                                   FIVES_ROUND_CONFIDENTIAL) == FIVES_OK;
    for (m = 0; ok && m < t->answers[r]; ++m) {
      snprintf(member, sizeof member, "m%d", m + 1);
      for (p = 0; p < 5; ++p) scores[p] = 1 + (m * 3 + p * 2 + r) % 5;
      ok = fives_journal_add_response(j, kRounds[r][0], member, scores) ==
           FIVES_OK;
    }
    ok = ok &&
         fives_journal_close_round(j, kRounds[r][0], kRounds[r][2]) == FIVES_OK;
    if (ok && r == 0) {
      plan.len = 0;
      PutString(&plan, 1, "r1");
      PutString(&plan, 2, "2026-02-10");
      PutAction(&plan, 4, "Decision register", "On the wiki", "m1");
      PutAction(&plan, 4, "Four-block agenda", "Next agenda", "m2");
      ok = fives_journal_create_plan(&id, j, plan.data, plan.len,
                                     FIVES_FORMAT_BINARY) == FIVES_OK;
      fives_buffer_free(&id);
    }
  }
  ok = ok && fives_journal_save(j, path) == FIVES_OK;
  fives_journal_free(j);
  return ok;
}

/* A journal file's bytes. */
typedef struct OrgFile {
  char name[32];
  uint8_t* data;
  size_t len;
} OrgFile;

static OrgFile org_files[kOrgTeamCount];

/* The partials of journals [first, first + count) of org_files. */
static int PartialsOfFiles(fives_buffer* out, int first, int count,
                           const char* from, const char* to) {
  const uint8_t* data[kOrgTeamCount];
  size_t lens[kOrgTeamCount];
  const char* names[kOrgTeamCount];
  int i;
  for (i = 0; i < count; ++i) {
    data[i] = org_files[first + i].data;
    lens[i] = org_files[first + i].len;
    names[i] = org_files[first + i].name;
  }
  return fives_org_partials(out, data, lens, names, (size_t)count, from, to, 1);
}

/* The part of `text` from the first `start` to the next `end` after it (or
 * the end of the text), copied into a malloc'ed string; "" when there is no
 * `start`. */
static char* Section(const char* text, const char* start, const char* end) {
  const char* from = strstr(text, start);
  const char* to;
  char* out;
  size_t len;
  if (from == NULL) from = text + strlen(text);
  to = *from == '\0' ? NULL : strstr(from + strlen(start), end);
  len = to == NULL ? strlen(from) : (size_t)(to - from);
  out = (char*)malloc(len + 1);
  if (out == NULL) abort();
  memcpy(out, from, len);
  out[len] = 0;
  return out;
}

static fives_org* TestOrgParse(void) {
  static const char kBadText[] = "id: \"acme\" units { id: ";
  static const char kTwoRoots[] =
      "id: \"o\" name: \"O\" units { id: \"x\" name: \"X\" }"
      " units { id: \"y\" name: \"Y\" }";
  static const char kTeamParent[] =
      "id: \"o\" name: \"O\" units { id: \"x\" name: \"X\" }"
      " units { id: \"t\" name: \"T\" parent: \"x\" team_id: \"t\" }"
      " units { id: \"u\" name: \"U\" parent: \"t\" team_id: \"u\" }";
  static const char kLowPrivacy[] =
      "{\"id\": \"o\", \"name\": \"O\", \"units\": [{\"id\": \"x\","
      " \"name\": \"X\"}], \"privacy\": {\"min_responses\": 2}}";
  static const char kJson[] =
      "{\"id\": \"o\", \"name\": \"O\", \"units\": [{\"id\": \"x\","
      " \"name\": \"X\"}, {\"id\": \"t\", \"name\": \"T\", \"parent\": \"x\","
      " \"teamId\": \"t\"}]}";
  fives_org* org = NULL;
  fives_org* made = NULL;
  fives_buffer out = FIVES_BUFFER_INIT;
  fives_buffer again = FIVES_BUFFER_INIT;
  StartPhase("org: parse");
  CHECK_OK(
      fives_org_parse(&org, U8(kOrgText), strlen(kOrgText), FIVES_FORMAT_TEXT));
  CHECK(org != NULL);
  if (org == NULL) return NULL;
  /* Serialized and parsed again: the same organisation. */
  CHECK_OK(fives_org_serialize(&out, org, FIVES_FORMAT_BINARY));
  CHECK_OK(fives_org_parse(&made, out.data, out.len, FIVES_FORMAT_BINARY));
  CHECK_OK(fives_org_serialize(&again, made, FIVES_FORMAT_BINARY));
  CHECK(SameBytes(&out, &again));
  fives_buffer_free(&out);
  fives_buffer_free(&again);
  fives_org_free(made);
  made = NULL;
  CHECK_OK(fives_org_serialize(&out, org, FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"group_by\":[\"region\"]"));
  fives_buffer_free(&out);
  CHECK_OK(fives_org_parse(&made, U8(kJson), strlen(kJson), FIVES_FORMAT_JSON));
  fives_org_free(made);
  made = NULL;

  /* Bad organisations: *out stays NULL. */
  made = (fives_org*)(void*)fake_storage;
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "org",
              fives_org_parse(&made, U8(kBadText), strlen(kBadText),
                              FIVES_FORMAT_TEXT));
  CHECK(made == NULL);
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "is already the root",
              fives_org_parse(&made, U8(kTwoRoots), strlen(kTwoRoots),
                              FIVES_FORMAT_TEXT));
  CHECK(made == NULL);
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "units[2] (id \"u\").parent",
              fives_org_parse(&made, U8(kTeamParent), strlen(kTeamParent),
                              FIVES_FORMAT_TEXT));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "privacy",
              fives_org_parse(&made, U8(kLowPrivacy), strlen(kLowPrivacy),
                              FIVES_FORMAT_JSON));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "not JSON",
              fives_org_parse(&made, U8(kOrgText), strlen(kOrgText),
                              FIVES_FORMAT_JSON));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "id: \"\" is not a valid id",
              fives_org_parse(&made, NULL, 0, FIVES_FORMAT_BINARY));
  CHECK_ERROR(FIVES_INVALID_ARGUMENT, "format: 7",
              fives_org_parse(&made, U8(kJson), strlen(kJson), 7));
  CHECK(made == NULL);
  fives_org_free(NULL); /* accepted */
  return org;
}

/* Journals of the four teams on disk and in memory. */
static int MakeOrgJournals(void) {
  char path[8192];
  int i, ok = 1;
  snprintf(org_dir, sizeof org_dir, "%s/org", temp_dir);
  if (mkdir(org_dir, 0700) != 0) return 0;
  for (i = 0; i < kOrgTeamCount; ++i) {
    snprintf(org_files[i].name, sizeof org_files[i].name, "%s.journal",
             kOrgTeams[i].id);
    snprintf(path, sizeof path, "%s/%s", org_dir, org_files[i].name);
    ok &= SaveOrgTeam(&kOrgTeams[i], path);
    org_files[i].data = ok ? ReadFile(path, &org_files[i].len) : NULL;
    ok &= org_files[i].data != NULL;
  }
  return ok;
}

static void RemoveOrgJournals(void) {
  char path[8192];
  int i;
  for (i = 0; i < kOrgTeamCount; ++i) {
    snprintf(path, sizeof path, "%s/%s", org_dir, org_files[i].name);
    unlink(path);
    free(org_files[i].data);
    org_files[i].data = NULL;
  }
  rmdir(org_dir);
}

static void TestOrgPartials(fives_buffer* all, fives_buffer* later) {
  fives_buffer out = FIVES_BUFFER_INIT;
  fives_buffer text = FIVES_BUFFER_INIT;
  fives_buffer a = FIVES_BUFFER_INIT;
  fives_buffer rest = FIVES_BUFFER_INIT;
  fives_buffer folded = FIVES_BUFFER_INIT;
  fives_buffer other = FIVES_BUFFER_INIT;
  StartPhase("org: partials");
  /* One team's partial. */
  CHECK_OK(fives_org_partial(&out, org_files[0].data, org_files[0].len, kH1From,
                             kH1To, "a.journal"));
  CHECK_OK(fives_message_convert(&text, "fives.v1.TeamPartial", out.data,
                                 out.len, FIVES_FORMAT_BINARY,
                                 FIVES_FORMAT_TEXT));
  CHECK(Contains(&text, "team_id: \"a\""));
  CHECK(Contains(&text, "round_id: \"r1\""));
  CHECK(Contains(&text, "journal: \"a.journal\""));
  CHECK(Contains(&text, "respondents: 6"));
  CHECK(Contains(&text, "has_plan: true"));
  CHECK(CountOf(Text(&text), "counts: ") == 25);
  fives_buffer_free(&text);
  fives_buffer_free(&out);
  /* No name; a period without a round of the team. */
  CHECK_OK(fives_org_partial(&out, org_files[2].data, org_files[2].len, kH2From,
                             kH2To, NULL));
  CHECK_OK(fives_message_convert(&text, "fives.v1.TeamPartial", out.data,
                                 out.len, FIVES_FORMAT_BINARY,
                                 FIVES_FORMAT_TEXT));
  CHECK(Contains(&text, "team_id: \"c\""));
  CHECK(!Contains(&text, "round_id") && !Contains(&text, "journal:"));
  fives_buffer_free(&text);
  fives_buffer_free(&out);

  /* All four, and folded in parts in either order: the same bytes. */
  CHECK_OK(PartialsOfFiles(all, 0, kOrgTeamCount, kH1From, kH1To));
  CHECK_OK(PartialsOfFiles(later, 0, kOrgTeamCount, kH2From, kH2To));
  CHECK_OK(PartialsOfFiles(&a, 0, 1, kH1From, kH1To));
  CHECK_OK(PartialsOfFiles(&rest, 1, kOrgTeamCount - 1, kH1From, kH1To));
  CHECK_OK(
      fives_org_fold_partials(&folded, a.data, a.len, rest.data, rest.len));
  CHECK(SameBytes(&folded, all));
  fives_buffer_free(&folded);
  CHECK_OK(
      fives_org_fold_partials(&folded, rest.data, rest.len, a.data, a.len));
  CHECK(SameBytes(&folded, all));
  fives_buffer_free(&folded);
  /* The directory gives the same partials. */
  CHECK_OK(fives_org_partials_of_directory(&out, org_dir, kH1From, kH1To, 0));
  CHECK(SameBytes(&out, all));
  fives_buffer_free(&out);
  CHECK_OK(fives_org_partials_of_directory(&out, org_dir, kH2From, kH2To, 2));
  CHECK(SameBytes(&out, later));
  fives_buffer_free(&out);

  /* Errors. */
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "period",
      fives_org_fold_partials(&out, a.data, a.len, later->data, later->len));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT,
              "b: the bytes are not a fives.v1.OrgPartials",
              fives_org_fold_partials(&out, a.data, a.len, U8("\xff\xff"), 2));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "period.to: 2026-01-01",
              fives_org_partial(&out, org_files[0].data, org_files[0].len,
                                kH1To, "2026-01-01", "a"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "period.from",
              fives_org_partial(&out, org_files[0].data, org_files[0].len,
                                "2026-13-01", kH1To, "a"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "not a fives journal",
              fives_org_partial(&out, U8("hello"), 5, kH1From, kH1To, "x"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "empty",
              fives_org_partial(&out, U8(""), 0, kH1From, kH1To, "x"));
  EXPECT_FAIL(NULL, FIVES_DATA_LOSS, "journal file",
              fives_org_partial(&out, org_files[0].data, org_files[0].len - 1,
                                kH1From, kH1To, "a"));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "threads: -1",
      fives_org_partials_of_directory(&out, org_dir, kH1From, kH1To, -1));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "threads: 257",
      fives_org_partials_of_directory(&out, org_dir, kH1From, kH1To, 257));
  EXPECT_FAIL(NULL, FIVES_NOT_FOUND, "journals: cannot read the directory",
              fives_org_partials_of_directory(&out, "/nonexistent/fives",
                                              kH1From, kH1To, 0));
  /* A journal that does not load is listed, not refused. */
  {
    const uint8_t* data[2];
    size_t lens[2];
    const char* names[2] = {"a.journal", "cut.journal"};
    data[0] = org_files[0].data;
    lens[0] = org_files[0].len;
    data[1] = org_files[1].data;
    lens[1] = org_files[1].len / 2;
    CHECK_OK(
        fives_org_partials(&other, data, lens, names, 2, kH1From, kH1To, 0));
    CHECK_OK(fives_message_convert(&text, "fives.v1.OrgPartials", other.data,
                                   other.len, FIVES_FORMAT_BINARY,
                                   FIVES_FORMAT_JSON));
    CHECK(Contains(&text, "\"excluded\":[{\"journal\":\"cut.journal\""));
    CHECK(Contains(&text, "\"team_id\":[\"a\"]"));
    fives_buffer_free(&text);
    fives_buffer_free(&other);
    /* Zero journals: the period and nothing else. */
    CHECK_OK(
        fives_org_partials(&other, NULL, NULL, NULL, 0, kH1From, kH1To, 0));
    CHECK_OK(fives_message_convert(&text, "fives.v1.OrgPartials", other.data,
                                   other.len, FIVES_FORMAT_BINARY,
                                   FIVES_FORMAT_JSON));
    CHECK(strcmp(
              Text(&text),
              "{\"period\":{\"from\":\"2026-01-01\",\"to\":\"2026-06-30\"}}") ==
          0);
    fives_buffer_free(&text);
    fives_buffer_free(&other);
    names[1] = NULL;
    EXPECT_FAIL(
        NULL, FIVES_INVALID_ARGUMENT, "journal_names[1]: NULL",
        fives_org_partials(&out, data, lens, names, 2, kH1From, kH1To, 0));
    data[1] = NULL;
    names[1] = "b";
    EXPECT_FAIL(
        NULL, FIVES_INVALID_ARGUMENT, "journal_files[1]: NULL",
        fives_org_partials(&out, data, lens, names, 2, kH1From, kH1To, 0));
  }
  fives_buffer_free(&a);
  fives_buffer_free(&rest);
}

/* The documents of the organisation view: the rollup with the trend. */
static void TestOrgDocuments(const fives_buffer* before,
                             const fives_buffer* after) {
  static const char* const kKinds[] = {"text", "md", "html", "svg", "json"};
  static const char* const kStarts[] = {"5S organisation view: Acme",
                                        "# 5S organisation view: Acme",
                                        "<!DOCTYPE html>", "<?xml", "{"};
  fives_buffer trend = FIVES_BUFFER_INIT;
  fives_buffer out = FIVES_BUFFER_INIT;
  fives_buffer again = FIVES_BUFFER_INIT;
  size_t k;
  StartPhase("org: documents");
  CHECK_OK(fives_org_compare(&trend, before->data, before->len, after->data,
                             after->len, FIVES_FORMAT_BINARY));
  for (k = 0; k < sizeof kKinds / sizeof kKinds[0]; ++k) {
    CHECK_OK(fives_org_document(&out, after->data, after->len, trend.data,
                                trend.len, kKinds[k], "en"));
    CHECK(IsText(&out) && StartsWith(&out, kStarts[k]));
    /* Deterministic. */
    CHECK_OK(fives_org_document(&again, after->data, after->len, trend.data,
                                trend.len, kKinds[k], "en"));
    CHECK(SameBytes(&out, &again));
    fives_buffer_free(&out);
    fives_buffer_free(&again);
  }
  /* Without a trend; in Dutch. */
  CHECK_OK(
      fives_org_document(&out, before->data, before->len, NULL, 0, "md", "nl"));
  CHECK(Contains(&out, "Acme") && !Contains(&out, "Period:"));
  fives_buffer_free(&out);
  CHECK_OK(fives_org_document(&out, before->data, before->len, NULL, 0, "json",
                              "en"));
  CHECK(Contains(&out, "\"rollup\"") && !Contains(&out, "\"trend\""));
  fives_buffer_free(&out);
  /* Errors. */
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "kind: \"pdf\" is not",
              fives_org_document(&out, before->data, before->len, NULL, 0,
                                 "pdf", "en"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "language",
              fives_org_document(&out, before->data, before->len, NULL, 0,
                                 "text", "fr"));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "kind: NULL",
      fives_org_document(&out, before->data, before->len, NULL, 0, NULL, "en"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "language: NULL",
              fives_org_document(&out, before->data, before->len, NULL, 0,
                                 "text", NULL));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT,
      "rollup: the bytes are not a fives.v1.OrgRollup",
      fives_org_document(&out, U8("\x0a\xff"), 2, NULL, 0, "text", "en"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT,
              "trend: the bytes are not a fives.v1.OrgTrend",
              fives_org_document(&out, before->data, before->len,
                                 U8("\x0a\xff"), 2, "text", "en"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "trend: NULL with length 2",
              fives_org_document(&out, before->data, before->len, NULL, 2,
                                 "text", "en"));
  /* A rollup that is not well formed: a row without pillars. */
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "pillars",
              fives_org_document(&out, U8("\x22\x02\x08\x01"), 4, NULL, 0,
                                 "html", "en"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_org_document(NULL, before->data, before->len, NULL, 0,
                                 "text", "en"));
  fives_buffer_free(&trend);
}

static void TestOrgRollup(const fives_org* org, const fives_buffer* all,
                          const fives_buffer* later) {
  fives_buffer out = FIVES_BUFFER_INIT;
  fives_buffer before = FIVES_BUFFER_INIT;
  fives_buffer after = FIVES_BUFFER_INIT;
  fives_buffer extra = FIVES_BUFFER_INIT;
  fives_buffer with_x = FIVES_BUFFER_INIT;
  fives_buffer x = FIVES_BUFFER_INIT;
  fives_journal* j = NULL;
  char* row;
  char path[8192];
  uint8_t* data;
  size_t len;
  const char* name = "x.journal";
  StartPhase("org: rollup");
  CHECK_OK(fives_org_rollup(&out, org, all->data, all->len, NULL, 0, 1,
                            FIVES_FORMAT_TEXT));
  CHECK(Contains(&out, "complete: true"));
  CHECK(CountOf(Text(&out), "rows {") == 9); /* 7 units, 2 regions */
  /* Team c: three answers, so the mean only, withheld as too few. */
  row = Section(Text(&out), "unit_id: \"team-c\"", "rows {");
  CHECK(CountOf(row, "withheld: ORG_WITHHELD_TOO_FEW") == 5);
  CHECK(CountOf(row, "disclosure: DISCLOSURE_NO_DISTRIBUTION") == 5);
  CHECK(CountOf(row, "mean: ") == 5);
  CHECK(!strstr(row, "histogram") && !strstr(row, "median"));
  free(row);
  /* East = a + c would give c's histogram away: team a (the smaller one
   * beside c) is withheld to protect it, and so are both regions, since
   * south = c + d. */
  row = Section(Text(&out), "unit_id: \"team-a\"", "rows {");
  CHECK(CountOf(row, "withheld: ORG_WITHHELD_PROTECTS_ANOTHER") == 5);
  CHECK(CountOf(row, "disclosure: DISCLOSURE_NO_DISTRIBUTION") == 5);
  CHECK(!strstr(row, "histogram"));
  free(row);
  row = Section(Text(&out), "group_value: \"south\"", "rows {");
  CHECK(CountOf(row, "withheld: ORG_WITHHELD_PROTECTS_ANOTHER") == 5);
  free(row);
  row = Section(Text(&out), "unit_id: \"east\"", "rows {");
  CHECK(CountOf(row, "disclosure: DISCLOSURE_FULL") == 5);
  CHECK(CountOf(row, "histogram: ") == 25);
  free(row);
  CHECK(Contains(&out, "cells_withheld_too_few: 5\n"));
  CHECK(Contains(&out, "cells_withheld_protecting: 15\n"));
  fives_buffer_free(&out);

  /* The same in JSON and binary. */
  CHECK_OK(fives_org_rollup(&before, org, all->data, all->len, NULL, 0, 1,
                            FIVES_FORMAT_BINARY));
  CHECK_OK(fives_org_rollup(&out, org, all->data, all->len, NULL, 0, 1,
                            FIVES_FORMAT_JSON));
  CHECK(Contains(&out, "\"withheld\":\"ORG_WITHHELD_PROTECTS_ANOTHER\""));
  CHECK_OK(fives_message_convert(&extra, "fives.v1.OrgRollup", out.data,
                                 out.len, FIVES_FORMAT_JSON,
                                 FIVES_FORMAT_BINARY));
  CHECK(SameBytes(&extra, &before));
  fives_buffer_free(&extra);
  fives_buffer_free(&out);

  /* The second half year against the first: team c closed no round, so
   * the rollup is incomplete even when strict. */
  CHECK_OK(fives_org_rollup(&after, org, later->data, later->len, all->data,
                            all->len, 1, FIVES_FORMAT_BINARY));
  CHECK_OK(fives_message_convert(&out, "fives.v1.OrgRollup", after.data,
                                 after.len, FIVES_FORMAT_BINARY,
                                 FIVES_FORMAT_JSON));
  CHECK(!Contains(&out, "\"complete\""));
  CHECK(Contains(&out, "team \\\"c\\\" closed no round between 2026-07-01"));
  CHECK(Contains(&out, "\"earlier\":{\"from\":\"2026-01-01\""));
  fives_buffer_free(&out);
  CHECK_OK(fives_org_compare(&out, before.data, before.len, after.data,
                             after.len, FIVES_FORMAT_JSON));
  CHECK(CountOf(Text(&out), "\"unit_id\":") == 7);
  CHECK(Contains(&out, "\"before\":{\"from\":\"2026-01-01\""));
  CHECK(Contains(&out, "\"after\":{\"from\":\"2026-07-01\""));
  fives_buffer_free(&out);
  TestOrgDocuments(&before, &after);

  /* A journal of a team the organisation does not list: refused when
   * strict, left out and listed when lenient. */
  CHECK_OK(fives_journal_new(&j, "x", "X", NULL, 0, 0));
  if (j != NULL) {
    static const int32_t kScores[5] = {3, 3, 3, 3, 3};
    fives_journal_add_member(j, "m1", "M1", "2026-01-05");
    fives_journal_add_member(j, "m2", "M2", "2026-01-05");
    fives_journal_add_member(j, "m3", "M3", "2026-01-05");
    fives_journal_start_round(j, "r1", "2026-03-02", FIVES_ROUND_CONFIDENTIAL);
    fives_journal_add_response(j, "r1", "m1", kScores);
    fives_journal_add_response(j, "r1", "m2", kScores);
    fives_journal_add_response(j, "r1", "m3", kScores);
    CHECK_OK(fives_journal_close_round(j, "r1", "2026-03-09"));
    PathIn(path, sizeof path, "x.journal");
    CHECK_OK(fives_journal_save(j, path));
    fives_journal_free(j);
  }
  data = ReadFile(path, &len);
  unlink(path);
  CHECK(data != NULL);
  if (data != NULL) {
    const uint8_t* files[1];
    files[0] = data;
    CHECK_OK(fives_org_partials(&x, files, &len, &name, 1, kH1From, kH1To, 0));
    CHECK_OK(
        fives_org_fold_partials(&with_x, all->data, all->len, x.data, x.len));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT,
                "journal x.journal: team \"x\" is not in the organisation",
                fives_org_rollup(&out, org, with_x.data, with_x.len, NULL, 0, 1,
                                 FIVES_FORMAT_JSON));
    CHECK_OK(fives_org_rollup(&out, org, with_x.data, with_x.len, NULL, 0, 0,
                              FIVES_FORMAT_JSON));
    CHECK(!Contains(&out, "\"complete\""));
    CHECK(
        Contains(&out,
                 "\"excluded\":[{\"journal\":\"x.journal\",\"team_id\":\"x\","
                 "\"reason\":\"team \\\"x\\\" is not in the organisation\"}]"));
    fives_buffer_free(&out);
    /* A team of the organisation without a journal. */
    CHECK_OK(
        fives_org_partials(&extra, NULL, NULL, NULL, 0, kH1From, kH1To, 0));
    EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT,
                "team \"a\" (unit \"team-a\") has no journal",
                fives_org_rollup(&out, org, extra.data, extra.len, NULL, 0, 1,
                                 FIVES_FORMAT_JSON));
    fives_buffer_free(&extra);
    /* Lenient, only team x: no team of the organisation has a round. */
    EXPECT_FAIL(NULL, FIVES_FAILED_PRECONDITION, "no team of the organisation",
                fives_org_rollup(&out, org, x.data, x.len, NULL, 0, 0,
                                 FIVES_FORMAT_JSON));
    free(data);
  }

  /* Malformed inputs. */
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT,
              "partials: the bytes are not a fives.v1.OrgPartials",
              fives_org_rollup(&out, org, U8("\x0a\xff"), 2, NULL, 0, 1,
                               FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "earlier: ",
              fives_org_rollup(&out, org, all->data, all->len, U8("\x0a\xff"),
                               2, 1, FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "period.from",
      fives_org_rollup(&out, org, NULL, 0, NULL, 0, 1, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "format: 0",
              fives_org_rollup(&out, org, all->data, all->len, NULL, 0, 1, 0));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT,
              "after: the bytes are not a fives.v1.OrgRollup",
              fives_org_compare(&out, before.data, before.len, U8("\x0a\xff"),
                                2, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "format: 9",
              fives_org_compare(&out, before.data, before.len, after.data,
                                after.len, 9));
  /* Rollups of different organisations. */
  {
    Proto other;
    other.len = 0;
    PutString(&other, 1, "globex");
    CHECK_ERROR(FIVES_INVALID_ARGUMENT, "organisation \"acme\"",
                fives_org_compare(&out, before.data, before.len, other.data,
                                  other.len, FIVES_FORMAT_JSON));
    fives_buffer_free(&out);
  }
  fives_buffer_free(&before);
  fives_buffer_free(&after);
  fives_buffer_free(&x);
  fives_buffer_free(&with_x);
}

typedef struct OrgThread {
  const fives_org* org;
  const fives_buffer* partials;
  const fives_buffer* expected;
  int ok;
} OrgThread;

/* One organisation rolled up by several threads at once. */
static void* OrgThreadBody(void* arg) {
  OrgThread* t = (OrgThread*)arg;
  int i, ok = 1;
  for (i = 0; i < 20; ++i) {
    fives_buffer out = FIVES_BUFFER_INIT;
    ok &= fives_org_rollup(&out, t->org, t->partials->data, t->partials->len,
                           NULL, 0, 1, FIVES_FORMAT_BINARY) == FIVES_OK;
    ok &= SameBytes(&out, t->expected);
    fives_buffer_free(&out);
  }
  t->ok = ok;
  return NULL;
}

static void TestOrgThreads(const fives_org* org, const fives_buffer* all) {
  pthread_t threads[3];
  OrgThread args[3];
  fives_buffer expected = FIVES_BUFFER_INIT;
  int i, started = 0;
  StartPhase("org: threads");
  CHECK_OK(fives_org_rollup(&expected, org, all->data, all->len, NULL, 0, 1,
                            FIVES_FORMAT_BINARY));
  for (i = 0; i < 3; ++i) {
    args[i].org = org;
    args[i].partials = all;
    args[i].expected = &expected;
    args[i].ok = 0;
    started += pthread_create(&threads[i], NULL, OrgThreadBody, &args[i]) == 0;
  }
  CHECK(started == 3);
  for (i = 0; i < started; ++i) {
    pthread_join(threads[i], NULL);
    CHECK(args[i].ok);
  }
  fives_buffer_free(&expected);
}

static void TestOrgNullArguments(const fives_org* org,
                                 const fives_buffer* all) {
  const fives_org* fake = (const fives_org*)(const void*)fake_storage;
  const uint8_t* data[1];
  size_t lens[1];
  const char* names[1] = {"a"};
  StartPhase("org: NULL arguments and fake handles");
  data[0] = org_files[0].data;
  lens[0] = org_files[0].len;
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
      fives_org_parse(NULL, U8(kOrgText), strlen(kOrgText), FIVES_FORMAT_TEXT));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_org_serialize(NULL, org, FIVES_FORMAT_TEXT));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "org: NULL",
              fives_org_serialize(&out, NULL, FIVES_FORMAT_TEXT));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_org_partial(NULL, data[0], lens[0], kH1From, kH1To, "a"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal_file: NULL with length 3",
              fives_org_partial(&out, NULL, 3, kH1From, kH1To, "a"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "period.from: NULL",
              fives_org_partial(&out, data[0], lens[0], NULL, kH1To, "a"));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "period.to: NULL",
              fives_org_partial(&out, data[0], lens[0], kH1From, NULL, "a"));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
      fives_org_partials(NULL, data, lens, names, 1, kH1From, kH1To, 0));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "journal_files: NULL with count 1",
      fives_org_partials(&out, NULL, lens, names, 1, kH1From, kH1To, 0));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "lens: NULL with count 1",
      fives_org_partials(&out, data, NULL, names, 1, kH1From, kH1To, 0));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "journal_names: NULL with count 1",
              fives_org_partials(&out, data, lens, NULL, 1, kH1From, kH1To, 0));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "period.to: NULL",
              fives_org_partials(&out, data, lens, names, 1, kH1From, NULL, 0));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
      fives_org_partials_of_directory(NULL, org_dir, kH1From, kH1To, 0));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "directory: NULL",
              fives_org_partials_of_directory(&out, NULL, kH1From, kH1To, 0));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "period.from: NULL",
              fives_org_partials_of_directory(&out, org_dir, NULL, kH1To, 0));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
      fives_org_fold_partials(NULL, all->data, all->len, all->data, all->len));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "a: NULL with length 4",
              fives_org_fold_partials(&out, NULL, 4, all->data, all->len));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "b: NULL with length 4",
              fives_org_fold_partials(&out, all->data, all->len, NULL, 4));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_org_rollup(NULL, org, all->data, all->len, NULL, 0, 1,
                               FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "org: NULL",
              fives_org_rollup(&out, NULL, all->data, all->len, NULL, 0, 1,
                               FIVES_FORMAT_JSON));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "partials: NULL with length 4",
      fives_org_rollup(&out, org, NULL, 4, NULL, 0, 1, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "earlier: NULL with length 4",
              fives_org_rollup(&out, org, all->data, all->len, NULL, 4, 1,
                               FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_org_compare(NULL, U8(""), 0, U8(""), 0, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "before: NULL with length 4",
              fives_org_compare(&out, NULL, 4, U8(""), 0, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "after: NULL with length 4",
              fives_org_compare(&out, U8(""), 0, NULL, 4, FIVES_FORMAT_JSON));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "out: NULL",
              fives_message_convert(NULL, "fives.v1.OrgPartials", all->data,
                                    all->len, 1, 2));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "type: NULL",
              fives_message_convert(&out, NULL, all->data, all->len, 1, 2));
  EXPECT_FAIL(
      NULL, FIVES_INVALID_ARGUMENT, "data: NULL with length 4",
      fives_message_convert(&out, "fives.v1.OrgPartials", NULL, 4, 1, 2));
  /* Not a handle: zeroed, then garbage. */
  memset(fake_storage, 0, sizeof fake_storage);
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "org: not a live fives_org",
              fives_org_serialize(&out, fake, FIVES_FORMAT_TEXT));
  memset(fake_storage, 0xA5, sizeof fake_storage);
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "org: not a live fives_org",
              fives_org_rollup(&out, fake, all->data, all->len, NULL, 0, 1,
                               FIVES_FORMAT_JSON));
  /* A journal is not an organisation. */
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "org: not a live fives_org",
              fives_org_serialize(&out, (const fives_org*)(const void*)data[0],
                                  FIVES_FORMAT_TEXT));
}

static void TestMessageConvert(const fives_buffer* all) {
  fives_buffer json = FIVES_BUFFER_INIT;
  fives_buffer text = FIVES_BUFFER_INIT;
  fives_buffer back = FIVES_BUFFER_INIT;
  StartPhase("messages: convert");
  CHECK_OK(fives_message_convert(&json, "fives.v1.OrgPartials", all->data,
                                 all->len, FIVES_FORMAT_BINARY,
                                 FIVES_FORMAT_JSON));
  CHECK(IsText(&json) && StartsWith(&json, "{\"period\":"));
  CHECK_OK(fives_message_convert(&text, "fives.v1.OrgPartials", json.data,
                                 json.len, FIVES_FORMAT_JSON,
                                 FIVES_FORMAT_TEXT));
  CHECK(IsText(&text) && StartsWith(&text, "period {"));
  CHECK_OK(fives_message_convert(&back, "fives.v1.OrgPartials", text.data,
                                 text.len, FIVES_FORMAT_TEXT,
                                 FIVES_FORMAT_BINARY));
  CHECK(SameBytes(&back, all));
  fives_buffer_free(&json);
  fives_buffer_free(&text);
  fives_buffer_free(&back);
  /* Any message of the schema. */
  CHECK_OK(fives_message_convert(&json, "fives.v1.PillarStats", U8("\x10\x03"),
                                 2, FIVES_FORMAT_BINARY, FIVES_FORMAT_JSON));
  CHECK(strcmp(Text(&json), "{\"n\":3}") == 0);
  fives_buffer_free(&json);
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "type: \"fives.v1.Nothing\"",
              fives_message_convert(&out, "fives.v1.Nothing", all->data,
                                    all->len, 1, 2));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "is not a message of the fives",
              fives_message_convert(&out, "google.protobuf.Any", all->data,
                                    all->len, 1, 2));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "is not a message of the fives",
              fives_message_convert(&out, "fives.v1.Pillar", U8(""), 0, 1, 2));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "format: 4",
              fives_message_convert(&out, "fives.v1.OrgPartials", all->data,
                                    all->len, 1, 4));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT, "format: 0",
              fives_message_convert(&out, "fives.v1.OrgPartials", all->data,
                                    all->len, 0, 2));
  EXPECT_FAIL(NULL, FIVES_INVALID_ARGUMENT,
              "data: not JSON of a fives.v1.OrgPartials",
              fives_message_convert(&out, "fives.v1.OrgPartials", U8("{x"), 2,
                                    FIVES_FORMAT_JSON, FIVES_FORMAT_BINARY));
  EXPECT_FAIL(NULL, FIVES_RESOURCE_EXHAUSTED, "data",
              fives_message_convert(&out, "fives.v1.OrgPartials", all->data,
                                    kTooManyBytes, 1, 2));
}

static void TestOrg(void) {
  fives_org* org;
  fives_buffer all = FIVES_BUFFER_INIT;
  fives_buffer later = FIVES_BUFFER_INIT;
  org = TestOrgParse();
  StartPhase("org: journals");
  CHECK(MakeOrgJournals());
  if (org != NULL && org_files[kOrgTeamCount - 1].data != NULL) {
    TestOrgPartials(&all, &later);
    TestOrgRollup(org, &all, &later);
    TestOrgThreads(org, &all);
    TestOrgNullArguments(org, &all);
    TestMessageConvert(&all);
  }
  fives_buffer_free(&all);
  fives_buffer_free(&later);
  RemoveOrgJournals();
  fives_org_free(org);
}

/* ---- Checks that may crash: run in a child process ---- */

/* A struct_size that is not a multiple of the struct's alignment (8): the
 * library must refuse it, or fill the structs without misaligned stores. */
static int MisalignedStride(void) {
  const size_t stride = sizeof(fives_pillar_stats) + 4;
  unsigned char* block = (unsigned char*)malloc(stride * 5 * kGroupCount);
  fives_pillar_stats s;
  int rc, i, ok = 1;
  if (block == NULL) return 0;
  rc =
      fives_bulk_stats_table((fives_pillar_stats*)(void*)block, 5 * kGroupCount,
                             stride, kGroups, kScores, kResponses, kGroupCount);
  if (rc == FIVES_INVALID_ARGUMENT) {
    ok = strstr(fives_last_error(), "struct_size") != NULL;
  } else if (rc == FIVES_OK) {
    for (i = 0; i < 5 * kGroupCount; ++i) {
      memcpy(&s, block + (size_t)i * stride, sizeof s);
      ok &= s.n == kExpected[i].n && s.defined == kExpected[i].defined &&
            Near(s.mean, kExpected[i].mean);
    }
  } else {
    ok = 0;
  }
  free(block);
  return ok;
}

/* The library reports through codes and fives_last_error, and writes
 * nothing to the host's stderr, even for a binary message whose string
 * field is not UTF-8 (which protobuf would log). */
static int SilentOnStderr(void) {
  /* fives.v1.Journal { team { id: "t" name: "\xff" } } */
  static const uint8_t kBadName[] = {0x0a, 0x06, 0x0a, 0x01,
                                     0x74, 0x12, 0x01, 0xff};
  char path[4200], written[256];
  fives_journal* j = NULL;
  ssize_t got;
  int fd, saved, rc;
  PathIn(path, sizeof path, "stderr.txt");
  fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
  saved = dup(2);
  if (fd < 0 || saved < 0 || dup2(fd, 2) < 0) return 0;
  rc = fives_journal_parse(&j, kBadName, sizeof kBadName, FIVES_FORMAT_BINARY);
  dup2(saved, 2);
  got = pread(fd, written, sizeof written - 1, 0);
  unlink(path);
  if (got > 0) {
    written[got] = 0;
    fprintf(stderr, "  written to stderr: %s", written);
  }
  fprintf(stderr, "  returned %d: \"%s\"\n", rc, fives_last_error());
  return rc == FIVES_INVALID_ARGUMENT && j == NULL && got == 0;
}

/* Sanitizers reserve their shadow memory up front: a limit on the address
 * space cannot be tested under them. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define FIVES_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define FIVES_TEST_ASAN 1
#endif
#endif

#ifndef FIVES_TEST_ASAN
/* Out of memory is a status, not an abort: 2^28 groups (the documented
 * maximum) need about 10 GiB of counters; with 4 GiB of address space the
 * call must fail with FIVES_RESOURCE_EXHAUSTED. */
static int OutOfMemory(void) {
  struct rlimit limit;
  fives_buffer out = FIVES_BUFFER_INIT;
  int rc;
  limit.rlim_cur = limit.rlim_max = (rlim_t)4 << 30;
  if (setrlimit(RLIMIT_AS, &limit) != 0) return 0;
  rc = fives_bulk_stats(&out, NULL, NULL, 0, (size_t)1 << 28,
                        FIVES_FORMAT_BINARY);
  fives_buffer_free(&out);
  return rc == FIVES_RESOURCE_EXHAUSTED;
}
#endif

static void RunIsolated(int (*body)(void), const char* what, int line) {
  pid_t pid;
  int status = 0;
  fflush(stdout);
  fflush(stderr);
  pid = fork();
  if (pid == 0) _exit(body() ? 0 : 1);
  Check(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
            WEXITSTATUS(status) == 0,
        what, line);
}

static void TestIsolated(void) {
  StartPhase("isolated");
  RunIsolated(MisalignedStride,
              "fives_bulk_stats_table with struct_size = sizeof + 4: refused "
              "or filled without undefined behaviour",
              __LINE__);
  RunIsolated(SilentOnStderr,
              "fives_journal_parse of binary with a non-UTF-8 string writes "
              "nothing to stderr",
              __LINE__);
#ifndef FIVES_TEST_ASAN
  if (sizeof(size_t) >= 8) {
    RunIsolated(OutOfMemory,
                "fives_bulk_stats with 2^28 groups and 4 GiB of address space "
                "returns FIVES_RESOURCE_EXHAUSTED (no abort)",
                __LINE__);
  }
#else
  fprintf(stderr, "  (out-of-memory check skipped under AddressSanitizer)\n");
#endif
}

/* ---- Main ---- */

int main(int argc, char** argv) {
  fives_journal* j;
  snprintf(temp_dir, sizeof temp_dir, "%s/capi_test.XXXXXX",
           argc > 1 ? argv[1] : "/tmp");
  if (mkdtemp(temp_dir) == NULL) {
    fprintf(stderr, "mkdtemp %s: %s\n", temp_dir, strerror(errno));
    return 2;
  }

  TestVersion();
  TestLastError();
  TestErrorTake();
  TestErrorDetail();
  TestErrorTakeDetail();
  TestBuffers();
  TestCatalog();
  TestScoreStats();
  TestBulkStats();
  TestBulkStatsLarge();
  TestBulkStatsCompact();
  TestBulkStatsErrors();
  TestConfigs();
  TestPartialRound();
  TestScoresCsv();
  TestDisclosure();
  TestCharter();
  TestRender();
  j = TestJournalCycle();
  CHECK(j != NULL);
  if (j != NULL) {
    TestResponseScores(j);
    TestMeetingDocuments(j);
    TestCharterReviewOfCycle(j);
    TestNullArguments(j);
    TestNonEmptyOut(j);
    TestFakeHandle();
    TestStrings(j);
    TestFormats(j);
    TestMessages(j);
    TestFiles(j);
    TestFileChangedByAnotherProcess(j);
    fives_journal_free(j);
  }
  TestThreads();
  TestOrg();
  TestIsolated();

  rmdir(temp_dir);
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

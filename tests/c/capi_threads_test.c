/* A threaded stress test of the C ABI, for ThreadSanitizer (the tsan preset
 * runs it; any build can). What fives.h promises: functions without a
 * handle may run concurrently; a fives_journal is used by one thread at a
 * time; a fives_org by any number; fives_last_error is per thread.
 *
 * Eight threads each build, report, save, load and convert journals of
 * their own, ask the library's shared state (catalog, texts, statistics)
 * and fail calls on purpose, checking that they see only their own error;
 * then all roll up one shared organisation at once and must each get the
 * bytes the main thread got alone; then half of them move a process-wide
 * limit while the other half add members up to it, each add either taken or
 * refused naming the limit; last, each fails calls whose messages the main
 * thread then takes with fives_error_take (and a refused date, whose whole
 * failure it takes with fives_error_take_detail and reads in English).
 * Prints "ok" and exits 0 when all holds. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fives.h"

#define THREADS 8
#define ROUNDS_PER_THREAD 12

static const char* g_dir;
static fives_org* g_org;
static fives_buffer g_partials = FIVES_BUFFER_INIT;
static fives_buffer g_rollup = FIVES_BUFFER_INIT;

static const char kOrgText[] =
    "id: \"acme\" name: \"Acme\" group_by: \"region\"\n"
    "units { id: \"acme\" name: \"Acme\" }\n"
    "units { id: \"east\" name: \"East\" parent: \"acme\""
    " attributes { key: \"region\" value: \"e\" } }\n"
    "units { id: \"west\" name: \"West\" parent: \"acme\""
    " attributes { key: \"region\" value: \"w\" } }\n"
    "units { id: \"u0\" name: \"T0\" parent: \"east\" team_id: \"t0\" }\n"
    "units { id: \"u1\" name: \"T1\" parent: \"east\" team_id: \"t1\" }\n"
    "units { id: \"u2\" name: \"T2\" parent: \"east\" team_id: \"t2\" }\n"
    "units { id: \"u3\" name: \"T3\" parent: \"east\" team_id: \"t3\" }\n"
    "units { id: \"u4\" name: \"T4\" parent: \"west\" team_id: \"t4\" }\n"
    "units { id: \"u5\" name: \"T5\" parent: \"west\" team_id: \"t5\" }\n"
    "units { id: \"u6\" name: \"T6\" parent: \"west\" team_id: \"t6\" }\n"
    "units { id: \"u7\" name: \"T7\" parent: \"west\" team_id: \"t7\" }\n";

typedef struct Worker {
  int index;
  int failures;
  char path[512];
} Worker;

#define EXPECT(w, cond)                                                      \
  do {                                                                       \
    if (!(cond)) {                                                           \
      ++(w)->failures;                                                       \
      fprintf(stderr, "thread %d, line %d: %s (%s)\n", (w)->index, __LINE__, \
              #cond, fives_last_error());                                    \
    }                                                                        \
  } while (0)

static int SameBytes(const fives_buffer* a, const fives_buffer* b) {
  return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

/* Team t<index>: six members and one confidential round per iteration. */
static fives_journal* BuildJournal(Worker* w, int rounds) {
  char team[32], member[32], round[32], date[32];
  fives_journal* j = NULL;
  int m, r;
  snprintf(team, sizeof team, "t%d", w->index);
  EXPECT(w, fives_journal_new(&j, team, "Team", NULL, 0, 0) == FIVES_OK);
  if (j == NULL) return NULL;
  for (m = 0; m < 6; ++m) {
    snprintf(member, sizeof member, "m%d", m);
    EXPECT(w, fives_journal_add_member(j, member, "Member", "2026-01-05") ==
                  FIVES_OK);
  }
  for (r = 0; r < rounds; ++r) {
    snprintf(round, sizeof round, "r%d", r);
    snprintf(date, sizeof date, "2026-%02d-%02d", 2 + r / 4, 1 + 7 * (r % 4));
    EXPECT(w, fives_journal_start_round(j, round, date,
                                        FIVES_ROUND_CONFIDENTIAL) == FIVES_OK);
    for (m = 0; m < 6; ++m) {
      int32_t scores[5];
      int p;
      snprintf(member, sizeof member, "m%d", m);
      for (p = 0; p < 5; ++p) scores[p] = 1 + (w->index + m * 3 + p + r) % 5;
      EXPECT(w,
             fives_journal_add_response(j, round, member, scores) == FIVES_OK);
    }
    snprintf(date, sizeof date, "2026-%02d-%02d", 2 + r / 4, 3 + 7 * (r % 4));
    EXPECT(w, fives_journal_close_round(j, round, date) == FIVES_OK);
  }
  return j;
}

static void* Work(void* arg) {
  Worker* w = (Worker*)arg;
  int i, kind;
  for (i = 1; i <= ROUNDS_PER_THREAD; ++i) {
    fives_buffer out = FIVES_BUFFER_INIT, again = FIVES_BUFFER_INIT;
    fives_journal* j = BuildJournal(w, i);
    fives_journal* back = NULL;
    static const int32_t kScores[] = {4, 4, 5, 3, 4, 2};
    if (j == NULL) continue;
    EXPECT(w, fives_journal_report_text(&out, j, NULL, i % 2 ? "nl" : "en") ==
                  FIVES_OK);
    fives_buffer_free(&out);
    for (kind = FIVES_DOCUMENT_MARKDOWN; kind <= FIVES_DOCUMENT_TREND; ++kind) {
      EXPECT(w, fives_journal_document(&out, j, NULL, "en", "2026-06-30",
                                       kind) == FIVES_OK);
      fives_buffer_free(&out);
    }
    /* Converted and read back: the same bytes. */
    EXPECT(w, fives_journal_serialize(&out, j, FIVES_FORMAT_JSON) == FIVES_OK);
    EXPECT(w, fives_journal_parse(&back, out.data, out.len,
                                  FIVES_FORMAT_JSON) == FIVES_OK);
    fives_buffer_free(&out);
    EXPECT(w,
           fives_journal_serialize(&out, j, FIVES_FORMAT_BINARY) == FIVES_OK);
    if (back != NULL) {
      EXPECT(w, fives_journal_serialize(&again, back, FIVES_FORMAT_BINARY) ==
                    FIVES_OK);
      EXPECT(w, SameBytes(&out, &again));
      fives_journal_free(back);
      back = NULL;
    }
    fives_buffer_free(&out);
    fives_buffer_free(&again);
    /* Saved and loaded. */
    EXPECT(w, fives_journal_save(j, w->path) == FIVES_OK);
    EXPECT(w, fives_journal_load(&back, w->path) == FIVES_OK);
    fives_journal_free(back);
    back = NULL;
    /* Shared state, and errors of this thread only. */
    EXPECT(w,
           fives_score_stats(&out, kScores, 6, FIVES_FORMAT_JSON) == FIVES_OK);
    EXPECT(w, fives_last_error()[0] == '\0');
    fives_buffer_free(&out);
    EXPECT(w, fives_catalog(&out, FIVES_FORMAT_BINARY) == FIVES_OK);
    fives_buffer_free(&out);
    EXPECT(w, fives_journal_add_member(j, "", "Nobody", "2026-01-05") ==
                  FIVES_INVALID_ARGUMENT);
    EXPECT(w, strstr(fives_last_error(), "member.id") != NULL);
    EXPECT(w, fives_pillar_texts(&out, 9, "en", FIVES_FORMAT_JSON) ==
                  FIVES_INVALID_ARGUMENT);
    EXPECT(w, strstr(fives_last_error(), "pillar") != NULL);
    fives_journal_free(j);
  }
  return NULL;
}

/* Every thread rolls up the shared organisation at once. */
static void* RollUp(void* arg) {
  Worker* w = (Worker*)arg;
  int i;
  for (i = 0; i < 20; ++i) {
    fives_buffer out = FIVES_BUFFER_INIT, doc = FIVES_BUFFER_INIT;
    EXPECT(w, fives_org_rollup(&out, g_org, g_partials.data, g_partials.len,
                               NULL, 0, 1, FIVES_FORMAT_BINARY) == FIVES_OK);
    EXPECT(w, SameBytes(&out, &g_rollup));
    EXPECT(w, fives_org_document(&doc, out.data, out.len, NULL, 0,
                                 i % 2 ? "svg" : "html", "nl") == FIVES_OK);
    fives_buffer_free(&doc);
    fives_buffer_free(&out);
  }
  return NULL;
}

/* Even threads set the members limit to 6 or 7 over and over; odd threads
 * fill journals of their own to 6 members, which both values allow, and add
 * a 7th, which is taken or refused depending on the value at that moment. */
static void* MoveLimits(void* arg) {
  Worker* w = (Worker*)arg;
  int i;
  for (i = 0; i < 200; ++i) {
    const int64_t seen = fives_limit_get(FIVES_LIMIT_MEMBERS);
    EXPECT(w, seen == 6 || seen == 7);
    if (w->index % 2 == 0) {
      EXPECT(w, fives_limit_set(FIVES_LIMIT_MEMBERS, 6 + i % 2) == FIVES_OK);
      EXPECT(w, fives_limit_set(FIVES_LIMIT_MEMBERS, -1) ==
                    FIVES_INVALID_ARGUMENT);
    } else {
      char member[32];
      fives_journal* j = NULL;
      int m, rc;
      EXPECT(w, fives_journal_new(&j, "lim", "Limits", NULL, 0, 0) == FIVES_OK);
      if (j == NULL) continue;
      for (m = 0; m < 6; ++m) {
        snprintf(member, sizeof member, "m%d", m);
        EXPECT(w, fives_journal_add_member(j, member, "Member", "2026-01-05") ==
                      FIVES_OK);
      }
      rc = fives_journal_add_member(j, "m6", "Member", "2026-01-05");
      EXPECT(w, rc == FIVES_OK || rc == FIVES_RESOURCE_EXHAUSTED);
      if (rc == FIVES_RESOURCE_EXHAUSTED) {
        EXPECT(w, strstr(fives_last_error(), "(\"members\")") != NULL);
      }
      fives_journal_free(j);
    }
  }
  return NULL;
}

/* Failed calls on the workers, their messages taken on the main thread:
 * a load into the worker's own handle pointer, and a response to a round
 * that does not exist on the worker's own journal. */
typedef struct Failed {
  fives_journal* loaded; /* first argument of the failed load */
  fives_journal* journal;
  fives_journal* dated; /* refused a date that does not exist */
  int load_code, response_code, date_code;
} Failed;
static Failed g_failed[THREADS];

static void* FailCalls(void* arg) {
  Worker* w = (Worker*)arg;
  Failed* f = &g_failed[w->index];
  char path[600], team[32];
  static const int32_t kScores[] = {4, 4, 5, 3, 4};
  snprintf(path, sizeof path, "%s/none-%d.journal", g_dir, w->index);
  f->load_code = fives_journal_load(&f->loaded, path);
  snprintf(team, sizeof team, "f%d", w->index);
  EXPECT(w,
         fives_journal_new(&f->journal, team, "Team", NULL, 0, 0) == FIVES_OK);
  f->response_code =
      fives_journal_add_response(f->journal, "nope", "m0", kScores);
  EXPECT(w, fives_journal_new(&f->dated, team, "Team", NULL, 0, 0) == FIVES_OK);
  f->date_code =
      fives_journal_start_round(f->dated, "q1", "2027-02-30", FIVES_ROUND_OPEN);
  /* The detail of this thread's own failure, the last error kept. */
  {
    fives_buffer text = FIVES_BUFFER_INIT;
    EXPECT(w, fives_last_error_text(&text, "nl") == FIVES_OK);
    EXPECT(w, text.data != NULL && strcmp((const char*)text.data,
                                          "\"2027-02-30\" is geen datum: "
                                          "februari 2027 heeft 28 dagen") == 0);
    EXPECT(w, strstr(fives_last_error(), "2027-02-30") != NULL);
    fives_buffer_free(&text);
  }
  return NULL;
}

/* What the main thread takes of thread i's failures. */
static int TakeFailures(int i) {
  Failed* f = &g_failed[i];
  fives_buffer message = FIVES_BUFFER_INIT, text = FIVES_BUFFER_INIT;
  char expected[600];
  int failures = 0;
  if (f->load_code != FIVES_NOT_FOUND ||
      fives_error_take(&message, &f->loaded) != FIVES_OK) {
    fprintf(stderr, "thread %d: load %d, no message kept\n", i, f->load_code);
    return 1;
  }
  snprintf(expected, sizeof expected, "none-%d.journal", i);
  if (strstr((const char*)message.data, expected) == NULL) {
    fprintf(stderr, "thread %d: load message \"%s\"\n", i, message.data);
    ++failures;
  }
  fives_buffer_free(&message);
  /* Taken once: then nothing is kept under it. */
  if (fives_error_take(&message, &f->loaded) != FIVES_NOT_FOUND) ++failures;
  if (f->response_code != FIVES_NOT_FOUND ||
      fives_error_take(&message, f->journal) != FIVES_OK ||
      strstr((const char*)message.data, "\"nope\"") == NULL) {
    fprintf(stderr, "thread %d: response %d, message \"%s\"\n", i,
            f->response_code, message.data ? (const char*)message.data : "");
    ++failures;
  }
  fives_buffer_free(&message);
  fives_journal_free(f->journal);
  /* The whole failure of the refused date, in a language. */
  if (f->date_code != FIVES_INVALID_ARGUMENT ||
      fives_error_take_detail(&message, f->dated, FIVES_FORMAT_BINARY) !=
          FIVES_OK ||
      fives_error_text(&text, message.data, message.len, FIVES_FORMAT_BINARY,
                       "en") != FIVES_OK ||
      strcmp((const char*)text.data,
             "\"2027-02-30\" is not a date: February 2027 has 28 days") != 0) {
    fprintf(stderr, "thread %d: date %d, text \"%s\" (%s)\n", i, f->date_code,
            text.data ? (const char*)text.data : "", fives_last_error());
    ++failures;
  }
  fives_buffer_free(&text);
  fives_buffer_free(&message);
  if (fives_error_take_detail(&message, f->dated, FIVES_FORMAT_BINARY) !=
      FIVES_NOT_FOUND) {
    ++failures;
  }
  fives_journal_free(f->dated);
  return failures;
}

static int RunAll(void* (*body)(void*), Worker* workers) {
  pthread_t threads[THREADS];
  int i, started = 0, failures = 0;
  for (i = 0; i < THREADS; ++i) {
    if (pthread_create(&threads[i], NULL, body, &workers[i]) == 0) ++started;
  }
  for (i = 0; i < started; ++i) pthread_join(threads[i], NULL);
  for (i = 0; i < THREADS; ++i) failures += workers[i].failures;
  if (started != THREADS) {
    fprintf(stderr, "only %d of %d threads started\n", started, THREADS);
    ++failures;
  }
  return failures;
}

/* The journal files the workers saved, as bytes. */
static int ReadFile(const char* path, uint8_t** data, size_t* len) {
  FILE* f = fopen(path, "rb");
  long size;
  if (f == NULL) return 0;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  *data = (uint8_t*)malloc(size > 0 ? (size_t)size : 1);
  *len = fread(*data, 1, (size_t)size, f);
  fclose(f);
  return *len == (size_t)size;
}

int main(int argc, char** argv) {
  Worker workers[THREADS];
  uint8_t* files[THREADS];
  size_t lens[THREADS];
  const char* names[THREADS];
  char name_buf[THREADS][32];
  int i, failures = 0;
  if (argc != 2) {
    fprintf(stderr, "usage: capi_threads_test DIR\n");
    return 2;
  }
  g_dir = argv[1];
  for (i = 0; i < THREADS; ++i) {
    workers[i].index = i;
    workers[i].failures = 0;
    snprintf(workers[i].path, sizeof workers[i].path, "%s/t%d.journal", g_dir,
             i);
  }
  failures += RunAll(Work, workers);

  for (i = 0; i < THREADS; ++i) {
    snprintf(name_buf[i], sizeof name_buf[i], "t%d.journal", i);
    names[i] = name_buf[i];
    if (!ReadFile(workers[i].path, &files[i], &lens[i])) {
      fprintf(stderr, "cannot read %s\n", workers[i].path);
      return 1;
    }
  }
  if (fives_org_parse(&g_org, (const uint8_t*)kOrgText, strlen(kOrgText),
                      FIVES_FORMAT_TEXT) != FIVES_OK ||
      fives_org_partials(&g_partials, (const uint8_t* const*)files, lens, names,
                         THREADS, "2026-01-01", "2026-06-30", 0) != FIVES_OK ||
      fives_org_rollup(&g_rollup, g_org, g_partials.data, g_partials.len, NULL,
                       0, 1, FIVES_FORMAT_BINARY) != FIVES_OK) {
    fprintf(stderr, "organisation: %s\n", fives_last_error());
    return 1;
  }
  failures += RunAll(RollUp, workers);

  if (fives_limit_set(FIVES_LIMIT_MEMBERS, 6) != FIVES_OK) {
    fprintf(stderr, "members limit: %s\n", fives_last_error());
    return 1;
  }
  failures += RunAll(MoveLimits, workers);
  failures += RunAll(FailCalls, workers);
  for (i = 0; i < THREADS; ++i) failures += TakeFailures(i);

  if (fives_limit_set(FIVES_LIMIT_MEMBERS, 0) != FIVES_OK ||
      fives_limit_get(FIVES_LIMIT_MEMBERS) != 1000) {
    fprintf(stderr, "members limit not back to its default\n");
    ++failures;
  }

  for (i = 0; i < THREADS; ++i) free(files[i]);
  fives_buffer_free(&g_rollup);
  fives_buffer_free(&g_partials);
  fives_org_free(g_org);
  if (failures != 0) {
    fprintf(stderr, "%d failures\n", failures);
    return 1;
  }
  printf("ok\n");
  return 0;
}

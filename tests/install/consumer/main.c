/* A C host of the installed fives: a few calls of each kind through
 * <fives.h>. Prints "consumer: ok" and exits 0 when every check holds. */
#include <fives.h>
#include <stdio.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                     \
  do {                                                                  \
    if (!(cond)) {                                                      \
      fprintf(stderr, "%s:%d: check failed: %s (last error: \"%s\")\n", \
              __FILE__, __LINE__, #cond, fives_last_error());           \
      ++failures;                                                       \
    }                                                                   \
  } while (0)

int main(void) {
  /* The header and the library agree. */
  CHECK(fives_version_number() == FIVES_VERSION_NUMBER);

  /* One pillar's statistics as JSON. */
  const int32_t scores[] = {4, 5, 3, 4, 2, 5};
  fives_buffer json = FIVES_BUFFER_INIT;
  CHECK(fives_score_stats(&json, scores, 6, FIVES_FORMAT_JSON) == FIVES_OK);
  CHECK(json.data != NULL && strstr((const char*)json.data, "\"mean\""));
  fives_buffer_free(&json);
  CHECK(json.data == NULL && json.len == 0);

  /* A failure: a code and a message, nothing returned. */
  const int32_t bad[] = {6};
  fives_buffer none = FIVES_BUFFER_INIT;
  CHECK(fives_score_stats(&none, bad, 1, FIVES_FORMAT_BINARY) ==
        FIVES_INVALID_ARGUMENT);
  CHECK(fives_last_error()[0] != '\0');
  CHECK(none.data == NULL);

  /* Bulk statistics as plain structs: group 0 has two responses, group 1
   * one. */
  const uint32_t groups[] = {0, 0, 1};
  const uint8_t bulk[] = {1, 2, 3, 4, 5, 5, 4, 3, 2, 1, 3, 3, 3, 3, 0};
  fives_pillar_stats table[10];
  CHECK(fives_bulk_stats_table(table, 10, sizeof table[0], groups, bulk, 3,
                               2) == FIVES_OK);
  CHECK(table[0].n == 2 && table[0].histogram[0] == 1 &&
        table[0].histogram[4] == 1);
  CHECK((table[0].defined & FIVES_HAS_MEAN) && table[0].mean == 3.0);
  CHECK(table[5].n == 1 && table[5].mean == 3.0);
  CHECK(table[9].n == 0 && table[9].defined == 0);

  /* A journal, serialized. */
  fives_journal* journal = NULL;
  CHECK(fives_journal_new(&journal, "team-1", "Team One", NULL, 0, 0) ==
        FIVES_OK);
  CHECK(fives_journal_add_member(journal, "ann", "Ann", "2025-01-06") ==
        FIVES_OK);
  /* Scores as CSV (libfives.a's hosts link libcsv for it). */
  const char csv[] =
      "member;strategy;synergy;structure;steering;success\nann;4;3;5;2;4\n";
  CHECK(fives_journal_start_round(journal, "r1", "2025-02-03",
                                  FIVES_ROUND_OPEN) == FIVES_OK);
  CHECK(fives_journal_import_scores_csv(journal, "r1", (const uint8_t*)csv,
                                        sizeof csv - 1) == FIVES_OK);
  fives_buffer bytes = FIVES_BUFFER_INIT;
  CHECK(fives_journal_serialize(&bytes, journal, FIVES_FORMAT_BINARY) ==
        FIVES_OK);
  CHECK(bytes.len > 0);
  fives_buffer_free(&bytes);
  fives_journal_free(journal);

  /* The catalog embedded in the library. */
  fives_buffer catalog = FIVES_BUFFER_INIT;
  CHECK(fives_catalog(&catalog, FIVES_FORMAT_BINARY) == FIVES_OK);
  CHECK(catalog.len > 0);
  fives_buffer_free(&catalog);

  if (failures != 0) return 1;
  printf("consumer: ok, fives %s\n", fives_version_string());
  return 0;
}

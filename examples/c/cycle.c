/* One 5S cycle through the C ABI of fives (fives.h, libfives.so): a team,
 * a confidential round, its report, a plan, and the journal saved to a file
 * and loaded again.
 *
 *   cycle [FOLDER]      writes FOLDER/board.journal (default: the current
 *                       folder)
 *
 * Every function returns FIVES_OK (0) or an error code, with the message in
 * fives_last_error(). Results arrive in a fives_buffer that you free with
 * fives_buffer_free. */
#include <stdio.h>
#include <string.h>

#include "fives.h"

/* On failure: print the call and the library's message, then clean up. */
#define TRY(call)                                            \
  do {                                                       \
    int rc_ = (call);                                        \
    if (rc_ != FIVES_OK) {                                   \
      fprintf(stderr, "%s\n  failed (%d): %s\n", #call, rc_, \
              fives_last_error());                           \
      goto done;                                             \
    }                                                        \
  } while (0)

/* The team and its scores for Strategy, Synergy, Structure, Steering and
 * Success factors, 1..5 each. */
static const struct {
  const char* id;
  const char* name;
  int32_t scores[5];
} kTeam[] = {
    {"anna", "Anna", {4, 4, 2, 3, 4}},   {"bram", "Bram", {4, 3, 5, 3, 3}},
    {"carla", "Carla", {3, 4, 1, 4, 4}}, {"daan", "Daan", {4, 5, 5, 2, 3}},
    {"eva", "Eva", {5, 4, 1, 3, 4}},     {"femke", "Femke", {4, 3, 4, 4, 3}},
};

/* The plan as a fives.v1.PlanRequest in JSON (proto3 JSON mapping). Without
 * a "focus", the plan takes the focus pillar the round's report names; its
 * actions get ids a1, a2, ... */
static const char kPlan[] =
    "{\"round_id\": \"2026-q1\", \"created\": \"2026-03-10\","
    " \"actions\": ["
    "  {\"title\": \"Choose a decision model per recurring topic\","
    "   \"visible_result\": \"A decision table in the MT folder\","
    "   \"owner_id\": \"bram\"},"
    "  {\"title\": \"Use the four-block agenda\","
    "   \"visible_result\": \"Every MT agenda has the four blocks\","
    "   \"owner_id\": \"carla\", \"due\": \"2026-03-31\"}]}";

int main(int argc, char** argv) {
  fives_journal* journal = NULL;
  fives_journal* loaded = NULL;
  fives_buffer text = FIVES_BUFFER_INIT;
  fives_buffer plan_id = FIVES_BUFFER_INIT;
  fives_buffer saved = FIVES_BUFFER_INIT;
  fives_buffer reread = FIVES_BUFFER_INIT;
  char path[4096];
  size_t i;
  int status = 1;

  /* The library you run against must be the major version you built with. */
  if (fives_version_number() / 10000 != FIVES_VERSION_MAJOR) {
    fprintf(stderr, "libfives %s does not match fives.h %d.%d.%d\n",
            fives_version_string(), FIVES_VERSION_MAJOR, FIVES_VERSION_MINOR,
            FIVES_VERSION_PATCH);
    return 1;
  }
  snprintf(path, sizeof path, "%s/board.journal", argc > 1 ? argv[1] : ".");

  /* 1. The team: a journal with the method's default settings (no
   * fives.v1.TeamConfig), and its members. */
  TRY(fives_journal_new(&journal, "board", "Board MT", NULL, 0, 0));
  for (i = 0; i < sizeof kTeam / sizeof kTeam[0]; ++i) {
    TRY(fives_journal_add_member(journal, kTeam[i].id, kTeam[i].name,
                                 "2026-01-05"));
  }

  /* 2. A confidential round: scores are kept only as counts per pillar. */
  TRY(fives_journal_start_round(journal, "2026-q1", "2026-03-02",
                                FIVES_ROUND_CONFIDENTIAL));
  for (i = 0; i < sizeof kTeam / sizeof kTeam[0]; ++i) {
    TRY(fives_journal_add_response(journal, "2026-q1", kTeam[i].id,
                                   kTeam[i].scores));
  }
  TRY(fives_journal_close_round(journal, "2026-q1", "2026-03-09"));

  /* 3. The report of the latest closed round (round_id NULL), as text. For
   * your own screens ask fives_journal_report for a fives.v1.RoundReport in
   * JSON or binary instead. */
  TRY(fives_journal_report_text(&text, journal, NULL, "en"));
  fputs((const char*)text.data, stdout);
  fives_buffer_free(&text);

  /* 4. The plan: two actions on the focus pillar; owners commit to them. */
  TRY(fives_journal_create_plan(&plan_id, journal, (const uint8_t*)kPlan,
                                strlen(kPlan), FIVES_FORMAT_JSON));
  printf("\nplan %s created\n", (const char*)plan_id.data);
  TRY(fives_journal_open_action(journal, "a1", "2026-03-11"));
  TRY(fives_journal_open_action(journal, "a2", "2026-03-11"));
  TRY(fives_journal_add_feedback(journal, "a1", "2026-03-20", "bram",
                                 "Draft table shared", 50));

  /* 5. Save the journal (atomically: a crash leaves the old file), then load
   * it back. The file is checksummed: a damaged one is refused with
   * FIVES_DATA_LOSS, a missing one with FIVES_NOT_FOUND. */
  TRY(fives_journal_save(journal, path));
  TRY(fives_journal_load(&loaded, path));
  TRY(fives_journal_serialize(&saved, journal, FIVES_FORMAT_BINARY));
  TRY(fives_journal_serialize(&reread, loaded, FIVES_FORMAT_BINARY));
  if (saved.len != reread.len ||
      memcmp(saved.data, reread.data, saved.len) != 0) {
    fprintf(stderr, "the loaded journal differs from the saved one\n");
    goto done;
  }
  printf("journal saved to %s and loaded (%zu bytes)\n", path, saved.len);

  /* 6. What needs attention, from the loaded journal, as JSON. */
  TRY(fives_journal_follow_up(&text, loaded, "2026-03-21", NULL, 0,
                              FIVES_FORMAT_JSON));
  printf("follow-up: %s\n", (const char*)text.data);
  status = 0;

done:
  /* Both free functions accept NULL and empty buffers. */
  fives_buffer_free(&text);
  fives_buffer_free(&plan_id);
  fives_buffer_free(&saved);
  fives_buffer_free(&reread);
  fives_journal_free(loaded);
  fives_journal_free(journal);
  return status;
}

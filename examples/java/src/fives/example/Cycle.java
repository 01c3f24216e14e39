package fives.example;

import static fives.example.FivesAbi.FIVES_DOCUMENT_HTML;
import static fives.example.FivesAbi.FIVES_DOCUMENT_MARKDOWN;
import static fives.example.FivesAbi.FIVES_FORMAT_BINARY;
import static fives.example.FivesAbi.FIVES_FORMAT_JSON;
import static fives.example.FivesAbi.FIVES_INVALID_ARGUMENT;
import static fives.example.FivesAbi.FIVES_NOT_FOUND;
import static fives.example.FivesAbi.FIVES_ROUND_CONFIDENTIAL;
import static fives.example.FivesAbi.FIVES_VERSION_MAJOR;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One 5S cycle through the C ABI of fives (capi/fives.h, libfives.so) from Java over JNA: a team,
 * a confidential round, its report and meeting documents, a plan with feedback, the journal saved
 * and loaded again, and the collaboration check.
 *
 * <pre>
 * FIVES_LIBRARY=PATH/libfives.so java -cp CLASSES:/usr/share/java/jna.jar \
 *     fives.example.Cycle [FOLDER]
 * </pre>
 *
 * <p>writes FOLDER/board.journal (default: the current folder). Without FIVES_LIBRARY, JNA looks
 * for libfives.so on jna.library.path and the system's library path.
 */
public final class Cycle {
  /** A member and the scores for Strategy, Synergy, Structure, Steering and Success factors. */
  private static final class Member {
    final String id;
    final String name;
    final int[] scores;

    Member(String id, String name, int... scores) {
      this.id = id;
      this.name = name;
      this.scores = scores;
    }
  }

  // Not ASCII, so the report shows that strings cross as UTF-8 both ways.
  private static final String TEAM_NAME = "Board MT \u2013 Zuid";

  private static final Member[] TEAM = {
    new Member("anna", "Anna", 4, 4, 2, 3, 4),
    new Member("bram", "Bram", 4, 3, 5, 3, 3),
    new Member("carla", "Carla", 3, 4, 1, 4, 4),
    new Member("daan", "Daan", 4, 5, 5, 2, 3),
    new Member("eva", "Eva", 5, 4, 1, 3, 4),
    new Member("femke", "Femke", 4, 3, 4, 4, 3),
  };

  // The plan as a fives.v1.PlanRequest in JSON (proto3 JSON mapping). Without a "focus", the plan
  // takes the focus pillar the round's report names; its actions get ids a1, a2, ...
  private static final String PLAN =
      "{\"round_id\": \"2026-q1\", \"created\": \"2026-03-10\","
          + " \"actions\": ["
          + "  {\"title\": \"Choose a decision model per recurring topic\","
          + "   \"visible_result\": \"A decision table in the MT folder\","
          + "   \"owner_id\": \"bram\"},"
          + "  {\"title\": \"Use the four-block agenda\","
          + "   \"visible_result\": \"Every MT agenda has the four blocks\","
          + "   \"owner_id\": \"carla\", \"due\": \"2026-03-31\"}]}";

  // The collaboration check six weeks later, a fives.v1.CheckRequest: every action still open gets
  // a review.
  private static final String CHECK_DATE = "2026-04-21";
  private static final String CHECK =
      "{\"date\": \"" + CHECK_DATE + "\","
          + " \"helps\": [\"Decisions are written down the day they are made\"],"
          + " \"hinders\": [\"Operational topics crowd out strategy\"],"
          + " \"reviews\": ["
          + "  {\"action_id\": \"a1\", \"outcome\": \"REVIEW_OUTCOME_DONE\"},"
          + "  {\"action_id\": \"a2\", \"outcome\": \"REVIEW_OUTCOME_REPLANNED\","
          + "   \"new_due\": \"2026-05-12\"}]}";

  private static final Pattern STATE = Pattern.compile("\"state\":\\s*\"([A-Z_]+)\"");

  /** A call that may be refused. */
  @FunctionalInterface
  private interface Refusable {
    void run() throws FivesException;
  }

  private final Fives lib;
  private final Calls calls;

  private Cycle(Fives lib) {
    this.lib = lib;
    this.calls = new Calls(lib);
  }

  /**
   * A call the library must refuse with `code` and a message containing `words`: prints both, and
   * fails the cycle when either is not as expected.
   */
  private static void expectRefused(String what, int code, String words, Refusable call) {
    try {
      call.run();
    } catch (FivesException e) {
      System.out.printf(
          "refused (%s): %s (%d): %s%n",
          what, e.statusName(), e.code(), e.detail());
      if (e.code() != code || !e.detail().contains(words)) {
        throw new IllegalStateException(
            String.format("expected status %d naming \"%s\"", code, words));
      }
      return;
    }
    throw new IllegalStateException(what + ": not refused");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private void run(Path folder) throws FivesException {
    String file = folder.resolve("board.journal").toString();
    // 1. The team: a journal with the method's default settings (no fives.v1.TeamConfig).
    Pointer journal =
        calls.journal(
            "fives_journal_new",
            out -> lib.fives_journal_new(out, "board", TEAM_NAME, null, new SizeT(0), 0));
    try {
      for (Member m : TEAM) {
        calls.call(
            "fives_journal_add_member",
            () -> lib.fives_journal_add_member(journal, m.id, m.name, "2026-01-05"));
      }
      round(journal);
      report(journal);
      plan(journal);

      // 5. Save the journal (atomically: a crash leaves the old file), then load it back. The
      // file is checksummed: a damaged one is refused with FIVES_DATA_LOSS, a missing one with
      // FIVES_NOT_FOUND.
      calls.call("fives_journal_save", () -> lib.fives_journal_save(journal, file));
      Pointer loaded =
          calls.journal("fives_journal_load", out -> lib.fives_journal_load(out, file));
      try {
        byte[] saved =
            calls.bytes(
                "fives_journal_serialize",
                out -> lib.fives_journal_serialize(out, journal, FIVES_FORMAT_BINARY));
        byte[] reread =
            calls.bytes(
                "fives_journal_serialize",
                out -> lib.fives_journal_serialize(out, loaded, FIVES_FORMAT_BINARY));
        if (!Arrays.equals(saved, reread)) {
          throw new IllegalStateException("the loaded journal differs from the saved one");
        }
        System.out.printf("journal saved to %s and loaded (%d bytes)%n", file, saved.length);

        // 6. What needs attention, from the loaded journal, as JSON.
        System.out.println(
            "follow-up: "
                + calls.text(
                    "fives_journal_follow_up",
                    out ->
                        lib.fives_journal_follow_up(
                            out, loaded, "2026-03-21", null, 0, FIVES_FORMAT_JSON)));
        check(loaded, file);
      } finally {
        lib.fives_journal_free(loaded);
      }
    } finally {
      lib.fives_journal_free(journal);
    }
  }

  /** 2. A confidential round: scores are kept only as counts per pillar. */
  private void round(Pointer journal) throws FivesException {
    calls.call(
        "fives_journal_start_round",
        () ->
            lib.fives_journal_start_round(
                journal, "2026-q1", "2026-03-02", FIVES_ROUND_CONFIDENTIAL));
    // A refused call changes nothing; the round goes on.
    expectRefused(
        "a score of 6",
        FIVES_INVALID_ARGUMENT,
        "outside 1..5",
        () ->
            calls.call(
                "fives_journal_add_response",
                () ->
                    lib.fives_journal_add_response(
                        journal, "2026-q1", "anna", new int[] {6, 4, 2, 3, 4})));
    expectRefused(
        "an unknown member",
        FIVES_NOT_FOUND,
        "zoe",
        () ->
            calls.call(
                "fives_journal_add_response",
                () ->
                    lib.fives_journal_add_response(
                        journal, "2026-q1", "zoe", new int[] {3, 3, 3, 3, 3})));
    for (Member m : TEAM) {
      calls.call(
          "fives_journal_add_response",
          () -> lib.fives_journal_add_response(journal, "2026-q1", m.id, m.scores));
    }
    calls.call(
        "fives_journal_close_round",
        () -> lib.fives_journal_close_round(journal, "2026-q1", "2026-03-09"));
  }

  /**
   * 3. The report of the latest closed round (round id null) as text, and the meeting report as
   * Markdown and as one HTML page.
   */
  private void report(Pointer journal) throws FivesException {
    String report =
        calls.text(
            "fives_journal_report_text",
            out -> lib.fives_journal_report_text(out, journal, null, "en"));
    if (!report.startsWith("5S report: " + TEAM_NAME + "\n")) {
      throw new IllegalStateException("the report does not name the team as given");
    }
    System.out.print(report);
    String markdown =
        calls.text(
            "fives_journal_document",
            out ->
                lib.fives_journal_document(
                    out, journal, null, "en", "2026-03-09", FIVES_DOCUMENT_MARKDOWN));
    System.out.println("\nMarkdown: " + markdown.split("\n", 2)[0]);
    String html =
        calls.text(
            "fives_journal_document",
            out ->
                lib.fives_journal_document(
                    out, journal, null, "en", "2026-03-09", FIVES_DOCUMENT_HTML));
    if (!html.startsWith("<!DOCTYPE html>")) {
      throw new IllegalStateException("the HTML document is not an HTML page");
    }
    System.out.printf("HTML page: %d characters%n", html.length());
  }

  /** 4. The plan: two actions on the focus pillar; owners commit to them and report progress. */
  private void plan(Pointer journal) throws FivesException {
    byte[] request = utf8(PLAN);
    String planId =
        calls.text(
            "fives_journal_create_plan",
            out ->
                lib.fives_journal_create_plan(
                    out, journal, request, new SizeT(request.length), FIVES_FORMAT_JSON));
    System.out.printf("plan %s created%n", planId);
    for (String action : new String[] {"a1", "a2"}) {
      calls.call(
          "fives_journal_open_action",
          () -> lib.fives_journal_open_action(journal, action, "2026-03-11"));
    }
    calls.call(
        "fives_journal_add_feedback",
        () ->
            lib.fives_journal_add_feedback(
                journal, "a1", "2026-03-20", "bram", "Draft table shared", 50));
  }

  /**
   * 7. The collaboration check, led by the process guardian, then saved to the file the journal
   * came from (refused if another process changed it since).
   */
  private void check(Pointer journal, String file) throws FivesException {
    String status =
        calls.text(
            "fives_journal_check_status",
            out -> lib.fives_journal_check_status(out, journal, CHECK_DATE, FIVES_FORMAT_JSON));
    Matcher state = STATE.matcher(status);
    String guardian =
        calls.text(
            "fives_journal_guardian", out -> lib.fives_journal_guardian(out, journal, CHECK_DATE));
    byte[] request = utf8(CHECK);
    String checkId =
        calls.text(
            "fives_journal_record_check",
            out ->
                lib.fives_journal_record_check(
                    out, journal, request, new SizeT(request.length), FIVES_FORMAT_JSON));
    System.out.printf(
        "check %s (%s) led by %s%n", checkId, state.find() ? state.group(1) : status, guardian);
    calls.call("fives_journal_save", () -> lib.fives_journal_save(journal, file));
  }

  public static void main(String[] args) {
    Fives lib = Fives.load(System.getenv().getOrDefault("FIVES_LIBRARY", "fives"));
    // The library you run against must be the major version FivesAbi mirrors.
    if (lib.fives_version_number() / 10000 != FIVES_VERSION_MAJOR) {
      System.err.printf(
          "libfives %s does not match FivesAbi (major %d)%n",
          lib.fives_version_string(), FIVES_VERSION_MAJOR);
      System.exit(1);
    }
    try {
      new Cycle(lib).run(Path.of(args.length > 0 ? args[0] : "."));
    } catch (FivesException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}

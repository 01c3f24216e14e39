package fives.example;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;

/**
 * libfives through JNA: the functions of capi/fives.h this host calls, with their C names. A
 * journal handle is a {@link Pointer}; a function that makes one takes a {@link
 * PointerByReference}. Strings cross as UTF-8 ({@link Utf8Strings}); a null String or byte[] is
 * NULL.
 */
public interface Fives extends Library {
  /** The library at `path`; a bare name such as "fives" is looked up by JNA. */
  static Fives load(String path) {
    return Native.load(
        path, Fives.class, Map.of(Library.OPTION_TYPE_MAPPER, Utf8Strings.TYPE_MAPPER));
  }

  int fives_version_number();

  String fives_version_string();

  String fives_last_error();

  String fives_status_name(int code);

  void fives_buffer_free(FivesBuffer buffer);

  // The journal.
  int fives_journal_new(
      PointerByReference out,
      String teamId,
      String teamName,
      byte[] config,
      SizeT configLen,
      int configFormat);

  int fives_journal_load(PointerByReference out, String path);

  void fives_journal_free(Pointer journal);

  int fives_journal_serialize(FivesBuffer out, Pointer journal, int format);

  int fives_journal_save(Pointer journal, String path);

  // Members and rounds.
  int fives_journal_add_member(Pointer journal, String id, String displayName, String joined);

  int fives_journal_start_round(Pointer journal, String roundId, String date, int mode);

  int fives_journal_add_response(Pointer journal, String roundId, String memberId, int[] scores);

  int fives_journal_close_round(Pointer journal, String roundId, String date);

  // Reports and documents.
  int fives_journal_report_text(
      FivesBuffer out, Pointer journal, String roundId, String language);

  int fives_journal_document(
      FivesBuffer out,
      Pointer journal,
      String roundId,
      String language,
      String asOf,
      int document);

  // Plans and actions.
  int fives_journal_create_plan(
      FivesBuffer out, Pointer journal, byte[] request, SizeT len, int format);

  int fives_journal_open_action(Pointer journal, String actionId, String date);

  int fives_journal_add_feedback(
      Pointer journal, String actionId, String date, String authorId, String text, int progress);

  int fives_journal_follow_up(
      FivesBuffer out, Pointer journal, String date, String ownerId, int pillar, int format);

  // The collaboration check and the process guardian.
  int fives_journal_check_status(FivesBuffer out, Pointer journal, String date, int format);

  int fives_journal_record_check(
      FivesBuffer out, Pointer journal, byte[] request, SizeT len, int format);

  int fives_journal_guardian(FivesBuffer out, Pointer journal, String date);
}

'use strict';

// libfives loaded with koffi: the C ABI's types and the functions this host
// calls, declared with the prototypes of capi/fives.h. `_Out_` and `_Inout_`
// tell koffi to copy a struct or a handle back to JavaScript after the call.

const koffi = require('koffi');

// A journal is opaque: the host holds a pointer to it and nothing else.
koffi.opaque('fives_journal');

// Bytes the library owns, freed with fives_buffer_free (capi/fives.h).
koffi.struct('fives_buffer', {data: 'uint8_t *', len: 'size_t'});

const kPrototypes = [
  'uint32_t fives_version_number()',
  'const char *fives_version_string()',
  'const char *fives_last_error()',
  'void fives_buffer_free(_Inout_ fives_buffer *buffer)',
  'int fives_error_take(_Out_ fives_buffer *message, ' +
      'const void *first_argument)',
  'int fives_error_take_detail(_Out_ fives_buffer *error, ' +
      'const void *first_argument, int format)',
  'int fives_last_error_detail(_Out_ fives_buffer *error, int format)',
  'int fives_error_text(_Out_ fives_buffer *text, const uint8_t *error, ' +
      'size_t error_len, int format, const char *language)',

  'int fives_journal_new(_Out_ fives_journal **out, const char *team_id, ' +
      'const char *team_name, const uint8_t *config, size_t config_len, ' +
      'int config_format)',
  'int fives_journal_load(_Out_ fives_journal **out, const char *path)',
  'void fives_journal_free(fives_journal *journal)',
  'int fives_journal_serialize(_Out_ fives_buffer *out, ' +
      'const fives_journal *journal, int format)',
  'int fives_journal_save(const fives_journal *journal, const char *path)',

  'int fives_journal_add_member(fives_journal *journal, const char *id, ' +
      'const char *display_name, const char *joined)',

  'int fives_journal_start_round(fives_journal *journal, ' +
      'const char *round_id, const char *date, int mode)',
  'int fives_journal_add_response(fives_journal *journal, ' +
      'const char *round_id, const char *member_id, const int32_t *scores)',
  'int fives_journal_close_round(fives_journal *journal, ' +
      'const char *round_id, const char *date)',
  'int fives_journal_report_text(_Out_ fives_buffer *out, ' +
      'const fives_journal *journal, const char *round_id, ' +
      'const char *language)',
  'int fives_journal_document(_Out_ fives_buffer *out, ' +
      'const fives_journal *journal, const char *round_id, ' +
      'const char *language, const char *as_of, int document)',

  'int fives_journal_create_plan(_Out_ fives_buffer *out, ' +
      'fives_journal *journal, const uint8_t *request, size_t len, ' +
      'int format)',
  'int fives_journal_open_action(fives_journal *journal, ' +
      'const char *action_id, const char *date)',
  'int fives_journal_add_feedback(fives_journal *journal, ' +
      'const char *action_id, const char *date, const char *author_id, ' +
      'const char *text, int32_t progress)',
  'int fives_journal_follow_up(_Out_ fives_buffer *out, ' +
      'const fives_journal *journal, const char *date, ' +
      'const char *owner_id, int pillar, int format)',

  'int fives_journal_check_status(_Out_ fives_buffer *out, ' +
      'const fives_journal *journal, const char *date, int format)',
  'int fives_journal_record_check(_Out_ fives_buffer *out, ' +
      'fives_journal *journal, const uint8_t *request, size_t len, ' +
      'int format)',
  'int fives_journal_guardian(_Out_ fives_buffer *out, ' +
      'const fives_journal *journal, const char *date)',
];

// The functions of the library at `path` (a file name such as
// "libfives.so.0" is looked up by the dynamic loader), by their C names.
function load(path) {
  const library = koffi.load(path);
  const lib = {};
  for (const prototype of kPrototypes) {
    const fn = library.func(prototype);
    lib[fn.info.name] = fn;
  }
  return lib;
}

module.exports = {
  koffi,
  load
};

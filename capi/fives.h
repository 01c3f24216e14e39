/** @file
 * fives: the stable C ABI.
 *
 * Conventions (see the README):
 * - Every function returns an int status: FIVES_OK (0) or an error code of
 *   fives_status, which mirrors absl::StatusCode. Codes never change value;
 * treat a code you do not know as a generic error, since codes may be added.
 * - fives_last_error() gives the message of the last failure on this thread,
 *   in English for developers; fives_last_error_text() the text for people
 *   in their language, fives_last_error_detail() both as a fives.v1.Error.
 * - Results come through out-parameters placed first. Bytes and strings the
 *   library returns are in a fives_buffer, freed with fives_buffer_free.
 * - Protobuf messages of the schema (proto/fives/v1) cross as serialized
 *   bytes; JSON (proto3 JSON mapping) and text format are conveniences.
 * - Strings are NUL-terminated UTF-8; dates are ISO-8601 "YYYY-MM-DD".
 * - Enumerations (fives_format, fives_pillar, ...) are typedef'd enums,
 *   int-sized, passed as such.
 * - A call that fails changes nothing.
 * - An allocation failure in a call is reported as FIVES_RESOURCE_EXHAUSTED
 *   with the message "out of memory", and changes nothing either: the
 *   handle and any file the call writes are as they were, and no temporary
 *   file is left. Tested at every allocation of a binary load, a save,
 *   the report text, every document and the result messages in binary and
 *   text format. Not for JSON: protobuf 3.21's JSON conversion ends the
 *   process when an allocation inside it fails (a CHECK in its output
 *   stream), so a host that must survive running out of memory uses the
 *   binary format.
 * - Thread safety: functions without a handle are safe for concurrent use;
 *   a fives_journal is used by one thread at a time; a fives_org by any
 *   number at once.
 *
 * The header compiles as C89 to C2x and as C++98 to C++20, with -pedantic
 * and warnings as errors (tests/c/header_check.c checks each). */
#ifndef FIVES_H_
#define FIVES_H_

#include <stddef.h>
#include <stdint.h>

/** @def FIVES_API
 * Marks a function of the C ABI: exported from the shared library (default
 * visibility) when the library itself is built, empty for its users. */
#if defined(_WIN32)
#define FIVES_API
#elif defined(FIVES_BUILDING_LIBRARY)
#define FIVES_API __attribute__((visibility("default")))
#else
#define FIVES_API
#endif

/** @def FIVES_NOEXCEPT
 * No exception crosses the boundary: in C++ every function is noexcept
 * (throw() before C++11). */
#if defined(__cplusplus) && __cplusplus >= 201103L
#define FIVES_NOEXCEPT noexcept
#elif defined(__cplusplus)
#define FIVES_NOEXCEPT throw()
#else
#define FIVES_NOEXCEPT
#endif

/** @def FIVES_ENUM_INT
 * The enums of this header are int-sized in C and C++ alike; from C++11 on
 * they say so (`: int`), so any code a later version adds stays a valid
 * value of the enum in a C++ host built against this header. */
#if defined(__cplusplus) && __cplusplus >= 201103L
#define FIVES_ENUM_INT : int
#else
#define FIVES_ENUM_INT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Versions ---- */
/** @defgroup versions Versions
 * The version of this header, and of the library linked at run time.
 * @{ */

#define FIVES_VERSION_MAJOR 0 /**< Changes with an incompatible ABI. */
#define FIVES_VERSION_MINOR 1 /**< Changes when functions are added. */
#define FIVES_VERSION_PATCH 0 /**< Changes with fixes alone. */
/** @cond */
#define FIVES_STRINGIFY_(x) #x
#define FIVES_STRINGIFY(x) FIVES_STRINGIFY_(x)
/** @endcond */
/** "MAJOR.MINOR.PATCH" of this header ("0.1.0"), as fives_version_string()
 * gives it for the library linked at run time. */
#define FIVES_VERSION                                           \
  FIVES_STRINGIFY(FIVES_VERSION_MAJOR)                          \
  "." FIVES_STRINGIFY(FIVES_VERSION_MINOR) "." FIVES_STRINGIFY( \
      FIVES_VERSION_PATCH)
/** MAJOR * 10000 + MINOR * 100 + PATCH */
#define FIVES_VERSION_NUMBER                                 \
  (FIVES_VERSION_MAJOR * 10000 + FIVES_VERSION_MINOR * 100 + \
   FIVES_VERSION_PATCH)

/** The version of the library linked at run time, as FIVES_VERSION_NUMBER. */
FIVES_API uint32_t fives_version_number(void) FIVES_NOEXCEPT;
/** "MAJOR.MINOR.PATCH"; static storage. */
FIVES_API const char* fives_version_string(void) FIVES_NOEXCEPT;

/** @} */

/* ---- Status codes (the values of absl::StatusCode) ---- */
/** @defgroup status Status codes
 * What every function returns: FIVES_OK or one of the codes of
 * absl::StatusCode, with the same values. Each function's comment names the
 * codes it returns; fives_last_error() gives the message.
 * @{ */

/** A status code. Functions return it as an int (libgit2's rule), so that a
 * code a later version adds reaches any host unchanged; compare it with
 * these names. */
typedef enum fives_status FIVES_ENUM_INT {
  FIVES_OK = 0,        /**< Success. */
  FIVES_CANCELLED = 1, /**< absl::StatusCode::kCancelled. */
  /** absl::StatusCode::kUnknown: a failure without a code of its own. */
  FIVES_UNKNOWN = 2,
  /** An argument, or data passed in, is not valid; the message names the
   * field and the value. */
  FIVES_INVALID_ARGUMENT = 3,
  FIVES_DEADLINE_EXCEEDED = 4, /**< absl::StatusCode::kDeadlineExceeded. */
  /** A round, action, check, member, file or other thing asked for is not
   * there. */
  FIVES_NOT_FOUND = 5,
  /** What is added exists already (a member id, a round id). */
  FIVES_ALREADY_EXISTS = 6,
  /** The file system refused access (a folder that is not writable). */
  FIVES_PERMISSION_DENIED = 7,
  /** A limit is passed (see fives_limit), memory or a disk ran out. */
  FIVES_RESOURCE_EXHAUSTED = 8,
  /** The state does not allow the call (a closed round, a step an action's
   * life does not take, a newer file format). */
  FIVES_FAILED_PRECONDITION = 9,
  /** The journal file was changed by another process since it was loaded. */
  FIVES_ABORTED = 10,
  FIVES_OUT_OF_RANGE = 11,   /**< absl::StatusCode::kOutOfRange. */
  FIVES_UNIMPLEMENTED = 12,  /**< absl::StatusCode::kUnimplemented. */
  FIVES_INTERNAL = 13,       /**< A failure fives did not foresee. */
  FIVES_UNAVAILABLE = 14,    /**< absl::StatusCode::kUnavailable. */
  FIVES_DATA_LOSS = 15,      /**< A file is damaged or truncated. */
  FIVES_UNAUTHENTICATED = 16 /**< absl::StatusCode::kUnauthenticated. */
} fives_status;

/** The name of a status code as this header spells it ("FIVES_NOT_FOUND"),
 * for hosts that load the library without the header; static storage. NULL
 * for a value that is not one of the codes above. */
FIVES_API const char* fives_status_name(int code) FIVES_NOEXCEPT;

/** The message of the last failed call on this thread ("" when none), in
 * English for developers. Owned by the library, valid until the next fives
 * call on this thread; never NULL. fives_last_error_detail() gives the
 * whole failure, fives_last_error_text() the text for people. */
FIVES_API const char* fives_last_error(void) FIVES_NOEXCEPT;

/** @} */

/* ---- Buffers ---- */
/** @defgroup buffers Buffers and errors
 * Results the library returns, and the messages of failed calls.
 * @{ */

/** Bytes owned by the library. Text results are NUL-terminated (the NUL is
 * not counted in len). Initialise with FIVES_BUFFER_INIT. */
typedef struct fives_buffer {
  uint8_t* data; /**< The bytes, or NULL when empty. */
  size_t len;    /**< The number of bytes, without the NUL of a text. */
} fives_buffer;

/** An empty buffer, to initialise a fives_buffer with before a call. */
#define FIVES_BUFFER_INIT \
  { NULL, 0 }

/** Frees the bytes and resets the buffer; accepts NULL and empty buffers. */
FIVES_API void fives_buffer_free(fives_buffer* buffer) FIVES_NOEXCEPT;

/** The message of a failed call, from any thread: for a host that learns of
 * the failure on another thread than the one that ran the call (Node.js's
 * asynchronous calls, a Java or .NET thread pool), where fives_last_error
 * cannot reach it. Every failed call whose first argument is a pointer
 * (its out-parameter or its handle) keeps its failure under that pointer
 * until it is taken (by this call or fives_error_take_detail), a later
 * failed call with the same first argument replaces it, or 256 newer
 * failures push it out. This call moves the message of the failure kept
 * under `first_argument` into `message` (NUL-terminated) and forgets the
 * failure: FIVES_OK, or FIVES_NOT_FOUND when none is kept. It keeps no
 * failure of its own, and a take that fails leaves the failure kept.
 * Example, after `fives_journal_load(&journal, path)` failed on a worker
 * thread: `fives_error_take(&message, &journal)`. */
FIVES_API int fives_error_take(fives_buffer* message,
                               const void* first_argument) FIVES_NOEXCEPT;

/** @} */

/* ---- Limits ---- */
/** @defgroup limits Limits
 * The most one input may hold (see fives_limit).
 * @{ */

/** The most one input may hold. Every limit is checked before the large
 * allocation it guards (a file's size before it is read; a binary journal's
 * entry counts and string lengths before it is parsed; a JSON or text
 * input's nesting before it is parsed) and refused with
 * FIVES_RESOURCE_EXHAUSTED and a message naming the field, the value and
 * the limit: `team.members: 1001 entries, more than the limit of 1000
 * ("members")`. Operations that would grow a journal past a limit are
 * refused the same way, the journal unchanged.
 *
 * The limits are process-wide: set them once at start-up, or at any time
 * from any thread (each check reads the value in force when it runs). A
 * journal saved under a higher limit does not load under a lower one; the
 * message names the limit to raise. The defaults hold a management team
 * over decades: a team of ten with a round, a plan and a check every six
 * weeks writes about 16 KiB, 9 rounds, 18 actions and 8 checks a year. */
typedef enum fives_limit FIVES_ENUM_INT {
  /** Bytes of a journal file or any message argument: 32 MiB (max 1 GiB). */
  FIVES_LIMIT_INPUT_BYTES = 1,
  /** Members of a team, current and former; also the responses and
   * participants of one round: 1000 (max 10,000,000). */
  FIVES_LIMIT_MEMBERS = 2,
  /** Rounds of a journal, and its plans: 1000 (max 1,000,000). */
  FIVES_LIMIT_ROUNDS = 3,
  /** Actions of a journal; also the reviews of one check: 10,000 (max
   * 10,000,000). */
  FIVES_LIMIT_ACTIONS = 4,
  /** Feedback entries of one action: 1000 (max 1,000,000). */
  FIVES_LIMIT_FEEDBACK = 5,
  /** Checks of a journal: 1000 (max 1,000,000). */
  FIVES_LIMIT_CHECKS = 6,
  /** Entries of the charter, every list element of its five sections and
   * its signal ticks together: 1000 (max 1,000,000). */
  FIVES_LIMIT_CHARTER_ENTRIES = 7,
  /** Bytes of an id (fields id, *_id, *_ids): 64 (max 4096). */
  FIVES_LIMIT_ID_BYTES = 8,
  /** Bytes of a name (fields name, *_name): 256 (max 65536). */
  FIVES_LIMIT_NAME_BYTES = 9,
  /** Bytes of any other text (titles, notes, feedback, charter texts):
   * 16384 (max 16 MiB). String arguments are refused past this limit or
   * 64 KiB, whichever is larger. */
  FIVES_LIMIT_TEXT_BYTES = 10,
  /** Nesting levels of a JSON or text-format input: 32 (max 100). */
  FIVES_LIMIT_DEPTH = 11
} fives_limit;

/** Sets `limit` to `value`, from 1 to its maximum above, or back to its
 * default when `value` is 0. FIVES_INVALID_ARGUMENT, and nothing changed,
 * for an unknown limit or a value out of range. */
FIVES_API int fives_limit_set(fives_limit limit, int64_t value) FIVES_NOEXCEPT;

/** The value in force of `limit`; 0 for an unknown limit. */
FIVES_API int64_t fives_limit_get(fives_limit limit) FIVES_NOEXCEPT;

/** The name of `limit` as errors give it ("members", "input_bytes"; static
 * storage), or NULL for an unknown limit. */
FIVES_API const char* fives_limit_name(fives_limit limit) FIVES_NOEXCEPT;

/** @} */

/* ---- Enumerations (the values of the schema's enums) ---- */
/** @defgroup enums Enumerations
 * Message formats, and the values of the schema's enums.
 * @{ */

/** The format of a message argument or result. */
typedef enum fives_format FIVES_ENUM_INT {
  FIVES_FORMAT_BINARY = 1, /**< serialized protobuf */
  FIVES_FORMAT_JSON = 2,   /**< proto3 JSON mapping (see the README) */
  FIVES_FORMAT_TEXT = 3    /**< protobuf text format */
} fives_format;

/** fives.v1.Pillar, in the method's order. */
typedef enum fives_pillar FIVES_ENUM_INT {
  /** No pillar (fives.v1.PILLAR_UNSPECIFIED); as a filter, every pillar. */
  FIVES_PILLAR_NONE = 0,
  FIVES_PILLAR_STRATEGY = 1,  /**< Strategy: the shared direction. */
  FIVES_PILLAR_SYNERGY = 2,   /**< Synergy: working as one team. */
  FIVES_PILLAR_STRUCTURE = 3, /**< Structure: agreements, roles. */
  FIVES_PILLAR_STEERING = 4,  /**< Steering: KPIs, planning, risks. */
  FIVES_PILLAR_SUCCESS = 5    /**< Success factors: keeping it alive. */
} fives_pillar;

/** fives.v1.RoundMode */
typedef enum fives_round_mode FIVES_ENUM_INT {
  FIVES_ROUND_OPEN = 1, /**< Members see each other's scores. */
  /** Only figures the disclosure decision releases (see docs/measures.md). */
  FIVES_ROUND_CONFIDENTIAL = 2
} fives_round_mode;

/** fives.v1.AgreementLabel (see docs/measures.md); the `label` of
 * fives_pillar_stats. */
typedef enum fives_label FIVES_ENUM_INT {
  FIVES_LABEL_SINGLE = 1, /**< Fewer than two scores. */
  FIVES_LABEL_SHARED = 2, /**< Not split; rwg >= shared_rwg (0.70). */
  FIVES_LABEL_MIXED = 3,  /**< Neither shared nor split. */
  FIVES_LABEL_SPLIT = 4   /**< Two camps, or agreement A polarised. */
} fives_label;

/** @} */

/* ---- Buffers and errors: failures as messages, for people ---- */
/** @addtogroup buffers
 * A failure as a fives.v1.Error (its code, its message and its detail),
 * and its text for people in a language. Declared after fives_format.
 * @{ */

/** The same as fives_error_take, but the whole failure: `error` gets the
 * fives.v1.Error (proto/fives/v1/error.proto: the code, the message and,
 * for a refusal people can cause, its detail) in `format`, and the failure
 * is forgotten. Pass it to fives_error_text for the text in a language.
 * FIVES_NOT_FOUND when no failure is kept under `first_argument`;
 * FIVES_INVALID_ARGUMENT for a bad `error` buffer or format, which leaves
 * the failure kept. Like fives_error_take it keeps no failure of its own.
 * Example, after `fives_journal_start_round(journal, "q1", "2027-02-30",
 * FIVES_ROUND_OPEN)` failed on a worker thread:
 * `fives_error_take_detail(&error, journal, FIVES_FORMAT_BINARY)`. */
FIVES_API int fives_error_take_detail(fives_buffer* error,
                                      const void* first_argument,
                                      fives_format format) FIVES_NOEXCEPT;

/** The last failed call on this thread as a fives.v1.Error
 * (proto/fives/v1/error.proto) in `format`: its status code, its message
 * (what fives_last_error() gives, but whole where that stops at a NUL the
 * message quotes; and a byte that is not UTF-8 written as a hex escape
 * such as `\xc2`, as the strings of a fives.v1.Error must be UTF-8) and,
 * for a refusal people can cause (a date, a score, a member), its detail,
 * from which fives_error_text writes the text for people in their
 * language. Unlike the other calls (but like fives_last_error and
 * fives_last_error_text) it neither clears nor replaces the last error, so
 * it gives the same failure as often as it is asked; its own failures come
 * back as a code only: FIVES_NOT_FOUND when the last call on this thread
 * succeeded (there is no last error); FIVES_INVALID_ARGUMENT for an
 * `error` buffer that is NULL or not empty, or a bad format;
 * FIVES_RESOURCE_EXHAUSTED when memory runs out. */
FIVES_API int fives_last_error_detail(fives_buffer* error,
                                      fives_format format) FIVES_NOEXCEPT;

/** The last failed call on this thread for people, in `language` ("en" or
 * "nl"), NUL-terminated into `text`: fives_error_text of
 * fives_last_error_detail, in one call. A date that does not exist reads
 * `"2027-02-30" is geen datum: februari 2027 heeft 28 dagen` in Dutch; a
 * failure only a host's program can cause (a NULL argument, a malformed
 * message) reads as its English message. Like fives_last_error_detail it
 * neither clears nor replaces the last error, and its own failures are a
 * code only: FIVES_NOT_FOUND when there is no last error;
 * FIVES_INVALID_ARGUMENT for a `text` buffer that is NULL or not empty, or
 * a language that is not "en" or "nl"; FIVES_RESOURCE_EXHAUSTED when
 * memory runs out or the language string passes its limit. */
FIVES_API int fives_last_error_text(fives_buffer* text,
                                    const char* language) FIVES_NOEXCEPT;

/** The text for people, in `language` ("en" or "nl"), of a failed call:
 * `error` is a fives.v1.Error in `format` (as fives_last_error_detail or
 * fives_error_take_detail gave it, possibly stored or sent elsewhere
 * first), and `text` gets its detail's phrase in that language with the
 * arguments filled in, NUL-terminated; or its message when it has no
 * detail, or one of a code this version does not know. An ordinary call:
 * it replaces the last error. FIVES_INVALID_ARGUMENT for bytes that are
 * not a fives.v1.Error in `format` (naming "error"), a bad format, or a
 * language that is not "en" or "nl" (naming "language" and the value);
 * FIVES_RESOURCE_EXHAUSTED past a limit (see Limits). */
FIVES_API int fives_error_text(fives_buffer* text, const uint8_t* error,
                               size_t error_len, fives_format format,
                               const char* language) FIVES_NOEXCEPT;

/** @} */

/* ---- Messages ---- */
/** @defgroup messages Messages
 * The schema's messages from one format into another.
 * @{ */

/** A message of the schema from one format into another: `type` is its full
 * name ("fives.v1.OrgRollup"), `data` the message in `from_format`, and
 * `out` gets it in `to_format`. So a host that keeps a result as serialized
 * bytes can read it as JSON, and the other way round.
 * FIVES_INVALID_ARGUMENT for a type that is not a message of the fives
 * schema (fives.v1.*), a bad format, or data that is not such a message in
 * `from_format` (naming "data"); FIVES_RESOURCE_EXHAUSTED past a limit
 * (see Limits). */
FIVES_API int fives_message_convert(fives_buffer* out, const char* type,
                                    const uint8_t* data, size_t len,
                                    fives_format from_format,
                                    fives_format to_format) FIVES_NOEXCEPT;

/** @} */

/* ---- The catalog ---- */
/** @defgroup catalog The catalog
 * The texts of the five pillars and the library's phrases.
 * @{ */

/** The 5S catalog (fives.v1.Catalog: every pillar's texts in Dutch and
 * English, and the library's phrases) in `format`. */
FIVES_API int fives_catalog(fives_buffer* out,
                            fives_format format) FIVES_NOEXCEPT;

/** One pillar's texts in one language ("en" or "nl"): fives.v1.PillarTexts. */
FIVES_API int fives_pillar_texts(fives_buffer* out, fives_pillar pillar,
                                 const char* language,
                                 fives_format format) FIVES_NOEXCEPT;

/** @} */

/* ---- Statistics ---- */
/** @defgroup statistics Statistics
 * The measures of a pillar's scores, for one pillar or many groups; each
 * measure's formula, source and a worked example are in docs/measures.md.
 * @{ */

/** The statistics of one pillar's scores (each 1..5, count >= 1):
 * fives.v1.PillarStats in `format`. */
FIVES_API int fives_score_stats(fives_buffer* out, const int32_t* scores,
                                size_t count,
                                fives_format format) FIVES_NOEXCEPT;

/* Bits of fives_pillar_stats.defined. */
#define FIVES_HAS_MEAN 0x1u       /**< mean */
#define FIVES_HAS_MEDIAN 0x2u     /**< median */
#define FIVES_HAS_SD 0x4u         /**< sd */
#define FIVES_HAS_RWG 0x8u        /**< rwg and rwg_raw */
#define FIVES_HAS_AD 0x10u        /**< ad_mean and ad_median */
#define FIVES_HAS_CONSENSUS 0x20u /**< consensus */
#define FIVES_HAS_AGREEMENT 0x40u /**< agreement */
#define FIVES_HAS_RANGE 0x80u     /**< min and max */

/** The statistics of one pillar as plain numbers, for bulk results. A measure
 * is meaningful only when its bit is set in `defined`; otherwise its field
 * is 0. Pass sizeof(fives_pillar_stats) where a call asks for the struct's
 * size, so the struct can grow at its end. */
typedef struct fives_pillar_stats {
  int32_t n;            /**< the number of scores */
  int32_t histogram[5]; /**< counts of the scores 1..5 */
  int32_t min, max;
  int32_t label;    /**< a fives_label: FIVES_LABEL_SINGLE when n < 2 */
  uint32_t defined; /**< FIVES_HAS_* bits: the measures that are defined */
  int32_t ad_above_cutoff; /**< 0 or 1 */
  int32_t reserved;        /**< 0, for a later field */
  double mean, median, sd, rwg, rwg_raw, ad_mean, ad_median, consensus,
      agreement;
} fives_pillar_stats;
/* The fields declared together, each on its own (see docs/measures.md). */
/** @var fives_pillar_stats::min
 * The lowest score (FIVES_HAS_RANGE). */
/** @var fives_pillar_stats::max
 * The highest score (FIVES_HAS_RANGE). */
/** @var fives_pillar_stats::mean
 * The mean score (FIVES_HAS_MEAN). */
/** @var fives_pillar_stats::median
 * The median; of an even n the mean of the middle two (FIVES_HAS_MEDIAN). */
/** @var fives_pillar_stats::sd
 * The sample standard deviation, denominator n - 1 (FIVES_HAS_SD). */
/** @var fives_pillar_stats::rwg
 * r_wg = 1 - s^2 / 2 against the uniform null, truncated to [0, 1]
 * (FIVES_HAS_RWG). */
/** @var fives_pillar_stats::rwg_raw
 * 1 - s^2 / 2, not truncated (FIVES_HAS_RWG). */
/** @var fives_pillar_stats::ad_mean
 * The average absolute deviation from the mean, AD_M (FIVES_HAS_AD). */
/** @var fives_pillar_stats::ad_median
 * The average absolute deviation from the median, AD_Md (FIVES_HAS_AD). */
/** @var fives_pillar_stats::consensus
 * Tastle & Wierman's consensus, [0, 1] (FIVES_HAS_CONSENSUS). */
/** @var fives_pillar_stats::agreement
 * van der Eijk's agreement A, [-1, 1]; negative means polarised
 * (FIVES_HAS_AGREEMENT). */

/** @defgroup bulk Bulk scoring
 * @ingroup statistics
 * Bulk scoring. Response i belongs to group groups[i] (< group_count) and
 * has the five scores scores[5 i .. 5 i + 4] in pillar order, each 1..5 or
 * 0 for a pillar left out.
 * @{ */

/** Every group's statistics as one fives.v1.BulkStats message. */
FIVES_API int fives_bulk_stats(fives_buffer* out, const uint32_t* groups,
                               const uint8_t* scores, size_t responses,
                               size_t group_count,
                               fives_format format) FIVES_NOEXCEPT;

/** Every group's statistics into out[group * 5 + pillar - 1], an array of
 * out_count >= group_count * 5 structs of struct_size bytes each. */
FIVES_API int fives_bulk_stats_table(fives_pillar_stats* out, size_t out_count,
                                     size_t struct_size, const uint32_t* groups,
                                     const uint8_t* scores, size_t responses,
                                     size_t group_count) FIVES_NOEXCEPT;

/** Every group's statistics, compactly, for many groups: the statistics of
 * each distinct set of counts once, in `out` (K structs of struct_size bytes;
 * K = out->len / struct_size), and in index[group * 5 + pillar - 1] the
 * position in `out` of that group's pillar (index_count >= group_count * 5).
 * Teams are small, so K stays small: at most 1,820 for teams of up to 12
 * members, whatever the number of groups. */
FIVES_API int fives_bulk_stats_compact(fives_buffer* out, uint32_t* index,
                                       size_t index_count, size_t struct_size,
                                       const uint32_t* groups,
                                       const uint8_t* scores, size_t responses,
                                       size_t group_count) FIVES_NOEXCEPT;

/** @} */
/** @} */

/* ---- The journal ---- */
/** @defgroup journal The journal
 * A team's members, rounds, plans, actions, checks and guardians. The
 * functions that make a journal set *out to NULL when they fail.
 * @{ */

/** A team's journal: members, rounds, plans, actions, checks, guardians.
 * One thread at a time. */
typedef struct fives_journal fives_journal;

/** A new journal for a team without members. `config` is a serialized
 * fives.v1.TeamConfig in `config_format`, or NULL (config_len 0) for the
 * method's defaults (then `config_format` is not read). */
FIVES_API int fives_journal_new(fives_journal** out, const char* team_id,
                                const char* team_name, const uint8_t* config,
                                size_t config_len,
                                fives_format config_format) FIVES_NOEXCEPT;
/** A journal from a fives.v1.Journal in `format`, validated. Every string in
 * it must be valid UTF-8 without control characters other than tab and
 * line feed (names and ids without line feed either); FIVES_INVALID_ARGUMENT
 * names the field and byte. FIVES_RESOURCE_EXHAUSTED past a limit (see
 * Limits): its size, nesting, counts or string lengths. */
FIVES_API int fives_journal_parse(fives_journal** out, const uint8_t* data,
                                  size_t len,
                                  fives_format format) FIVES_NOEXCEPT;
/** A journal from a journal file (FIVES_NOT_FOUND when there is none;
 * FIVES_DATA_LOSS when damaged or truncated; FIVES_INVALID_ARGUMENT for a
 * path that is not a regular file, such as a device or a folder;
 * FIVES_RESOURCE_EXHAUSTED past a limit (see Limits), a file's size refused
 * before it is read, its counts and string lengths before it is parsed, or
 * when memory runs out). The journal remembers the path and the bytes the
 * file held, for fives_journal_save. */
FIVES_API int fives_journal_load(fives_journal** out,
                                 const char* path) FIVES_NOEXCEPT;
/** Frees the journal; accepts NULL. */
FIVES_API void fives_journal_free(fives_journal* journal) FIVES_NOEXCEPT;

/** The journal as a fives.v1.Journal in `format`. */
FIVES_API int fives_journal_serialize(fives_buffer* out,
                                      const fives_journal* journal,
                                      fives_format format) FIVES_NOEXCEPT;
/** Saves the journal file atomically: a temporary file "PATH.tmp-XXXXXX"
 * (mode 0600) in the same folder, renamed over PATH. When any step fails
 * the previous file stays intact and the temporary file is removed; the
 * error names the path and the cause: FIVES_RESOURCE_EXHAUSTED for a full
 * disk (or "out of memory"), FIVES_PERMISSION_DENIED for a folder that is
 * read-only or not writable. Temporary files of PATH left by saves that were
 * killed are removed (never one a running save holds).
 * Saving to the path the journal was loaded from (the same string), the
 * file there is checked first: FIVES_ABORTED "PATH: changed by another
 * process since it was loaded (...)" when its bytes are not those loaded or
 * last saved (or it is gone), leaving it as it is. Only the bytes count: a
 * file merely touched is not changed. */
FIVES_API int fives_journal_save(const fives_journal* journal,
                                 const char* path) FIVES_NOEXCEPT;

/* Members. */
/** Adds the member `id` (a new id: ids are never reused), shown as
 * `display_name`, who joins on `joined` (ISO-8601). FIVES_INVALID_ARGUMENT
 * for a NULL or malformed argument (naming "id", "display_name" or
 * "joined"), an empty name or an id that is not valid; FIVES_ALREADY_EXISTS
 * for an id the team has, or had; FIVES_RESOURCE_EXHAUSTED past a limit
 * (see Limits). */
FIVES_API int fives_journal_add_member(fives_journal* journal, const char* id,
                                       const char* display_name,
                                       const char* joined) FIVES_NOEXCEPT;
/** The member `id` leaves on `left`; their history stays, and a process
 * guardian who leaves hands the role to the next current member.
 * FIVES_NOT_FOUND for a member not in the team; FIVES_FAILED_PRECONDITION
 * for a member who is forgotten, left already, answered a round dated on or
 * after `left` or led a check then; FIVES_INVALID_ARGUMENT for a NULL or
 * malformed argument, or a date before the member joined. */
FIVES_API int fives_journal_member_leaves(fives_journal* journal,
                                          const char* id,
                                          const char* left) FIVES_NOEXCEPT;
/** The right to erasure: a pseudonym ("forgotten-N") without dates, after
 * every other member, replaces the member everywhere; feedback texts are
 * removed and open-round scores stay only in the round's counts. Every
 * figure a report may show stays as it was. */
FIVES_API int fives_journal_forget_member(fives_journal* journal,
                                          const char* id) FIVES_NOEXCEPT;

/** Rounds. `mode` is FIVES_ROUND_OPEN or FIVES_ROUND_CONFIDENTIAL; the
 * team's thresholds apply. */
FIVES_API int fives_journal_start_round(fives_journal* journal,
                                        const char* round_id, const char* date,
                                        fives_round_mode mode) FIVES_NOEXCEPT;
/** A round with every option: a fives.v1.RoundRequest in `format` (asked
 * pillars, partial responses, thresholds). Privacy thresholds may be
 * stricter than the team's, never looser (min_responses at least 3,
 * min_distribution at least 5); agreement thresholds, which shape the
 * labels, must be the team's (FIVES_INVALID_ARGUMENT otherwise). */
FIVES_API int fives_journal_start_round_request(
    fives_journal* journal, const uint8_t* request, size_t len,
    fives_format format) FIVES_NOEXCEPT;
/** One member's five scores in pillar order (1..5; 0 leaves a pillar out
 * where the round allows it). */
FIVES_API int fives_journal_add_response(
    fives_journal* journal, const char* round_id, const char* member_id,
    const int32_t scores[5]) FIVES_NOEXCEPT;
/** Scores collected elsewhere (a web form, a spreadsheet) as CSV: `len`
 * bytes at `data` (NULL only when len is 0; read during the call, not
 * kept), one response per row added to the round `round_id`, all or
 * nothing. The text is UTF-8 with or without a byte order mark, lines end in
 * LF or CRLF, cells are separated by `,` or `;` (whichever the header row
 * has more of outside quotes) and may be quoted as RFC 4180 has it; empty
 * lines and rows of empty cells are skipped. The header row names a member
 * column ("member", "member_id", "member id", "name", "lid", "teamlid" or
 * "naam") and a column for each pillar the round asks: the pillar's English
 * or Dutch name in the catalog ("Success factors", "Succesfactoren") or its
 * key ("success"), without regard to case. Each further row is one
 * member's response: the member's id, or the display name of exactly one
 * member (ids first), then scores 1..5; an empty score cell leaves the
 * pillar out, where the round allows partial responses.
 * Returns FIVES_OK when every row was added;
 * FIVES_INVALID_ARGUMENT, nothing added, for a journal that is NULL or not
 * a handle, a round_id that is NULL or not UTF-8, data NULL with a length,
 * and for any problem in the text: the message lists each problem by line
 * and column (at most 20, then "and N more"), e.g.
 *   scores CSV: 1 problem, nothing imported: line 4, column 3 (Synergy):
 *   "6" is not a score 1-5
 * (an unknown, empty or repeated header column or a pillar the round does
 * not ask; a missing pillar or member column; a row with the wrong number
 * of cells; a member not in the team, not a member on the round's date,
 * in the text twice or who already answered; a score not 1..5 or left out
 * where the round takes every pillar; a row without any score; invalid
 * UTF-8 or a control character; a quote RFC 4180 does not allow; a text
 * without a header or without rows);
 * FIVES_NOT_FOUND for an unknown round; FIVES_FAILED_PRECONDITION for a
 * closed one; FIVES_RESOURCE_EXHAUSTED for a text of more than 1 MiB
 * (1048576 bytes), naming the limit and the size, a round_id longer than
 * 64 KiB, or memory exhausted; FIVES_INTERNAL for a failure fives did not
 * foresee. A refused call leaves the journal as it was. */
FIVES_API int fives_journal_import_scores_csv(fives_journal* journal,
                                              const char* round_id,
                                              const uint8_t* data,
                                              size_t len) FIVES_NOEXCEPT;
/** Closes the round `round_id` on `date`: its report can be made, and for a
 * confidential round the disclosure decision, differencing included, is
 * stored with it (see docs/measures.md). FIVES_NOT_FOUND for an unknown
 * round; FIVES_FAILED_PRECONDITION for a round already closed;
 * FIVES_INVALID_ARGUMENT for a NULL or malformed argument, or a date before
 * the round's. */
FIVES_API int fives_journal_close_round(fives_journal* journal,
                                        const char* round_id,
                                        const char* date) FIVES_NOEXCEPT;
/** The report of a round (NULL: the latest closed round), a
 * fives.v1.RoundReport with suggestions in `language` ("en" or "nl"). Each
 * confidential pillar shows what the disclosure decision released: only n
 * below min_responses or when held back against differencing, n and the
 * mean below min_distribution, everything from there (see `disclosure`,
 * `held_back_against`, `differencing_warning` of fives.v1.PillarStats). */
FIVES_API int fives_journal_report(fives_buffer* out,
                                   const fives_journal* journal,
                                   const char* round_id, const char* language,
                                   fives_format format) FIVES_NOEXCEPT;
/** The report as text for a terminal. */
FIVES_API int fives_journal_report_text(fives_buffer* out,
                                        const fives_journal* journal,
                                        const char* round_id,
                                        const char* language) FIVES_NOEXCEPT;
/** The meeting report of a round (NULL: the latest closed round) as of
 * `as_of`: the round's report, the plan in force with its actions, the
 * overdue actions, the next check and the guardian, as a
 * fives.v1.MeetingReport in `format`. */
FIVES_API int fives_journal_meeting_report(fives_buffer* out,
                                           const fives_journal* journal,
                                           const char* round_id,
                                           const char* language,
                                           const char* as_of,
                                           fives_format format) FIVES_NOEXCEPT;

/** Documents to show people (all UTF-8 text, deterministic). */
typedef enum fives_document FIVES_ENUM_INT {
  FIVES_DOCUMENT_MARKDOWN = 1, /**< the meeting report in Markdown */
  FIVES_DOCUMENT_HTML = 2,     /**< one self-contained HTML page */
  FIVES_DOCUMENT_RADAR = 3,    /**< SVG: the five pillars, spread, previous */
  FIVES_DOCUMENT_STRIPS = 4,   /**< SVG: the counts of 1..5 per pillar */
  FIVES_DOCUMENT_TREND = 5     /**< SVG: every pillar over all rounds */
} fives_document;

/** One document of a round (NULL: the latest closed round) as of `as_of`, in
 * `language` ("en" or "nl"). */
FIVES_API int fives_journal_document(fives_buffer* out,
                                     const fives_journal* journal,
                                     const char* round_id, const char* language,
                                     const char* as_of,
                                     fives_document document) FIVES_NOEXCEPT;

/** Any document of a journal for people: every screen of the `fives`
 * command (the round's report with its verdict, or as Markdown and HTML the
 * meeting page; the radar, strips and trend pictures; the follow-up, the
 * actions, the check due, a recorded check, the process guardian, a plan,
 * the charter, its review, the warning signals, the members), in English
 * or Dutch, as text, Markdown, HTML or, for the pictures, SVG: the same
 * bytes the command prints. `request` is a fives.v1.DocumentRequest in
 * `format` (FIVES_FORMAT_BINARY, _JSON or _TEXT); see
 * fives/v1/document.proto for what each kind needs. `journal` may be NULL
 * for DOCUMENT_KIND_SIGNALS alone. On success `out` holds UTF-8 text,
 * NUL-terminated; free it with fives_buffer_free.
 * Returns FIVES_OK; FIVES_INVALID_ARGUMENT, naming the field and value
 * ("request.as_of: ...", "request.format: ..."), for a request that does
 * not parse, an unknown kind, format or language, a format the kind does
 * not come in, a missing or malformed as_of, a negative stale_days, a NULL
 * journal for a kind that needs one, or a non-empty `out`; FIVES_NOT_FOUND
 * for a round, plan, check, action or owner the journal does not have, or
 * a report of a journal without a closed round;
 * FIVES_RESOURCE_EXHAUSTED when memory runs out. */
FIVES_API int fives_journal_render(fives_buffer* out,
                                   const fives_journal* journal,
                                   const uint8_t* request, size_t len,
                                   fives_format format) FIVES_NOEXCEPT;

/** Two closed rounds compared: fives.v1.RoundComparison. */
FIVES_API int fives_journal_compare_rounds(fives_buffer* out,
                                           const fives_journal* journal,
                                           const char* before_round_id,
                                           const char* after_round_id,
                                           fives_format format) FIVES_NOEXCEPT;

/** Plans and actions. A fives.v1.PlanRequest in `format`; `out` gets the
 * plan's id. */
FIVES_API int fives_journal_create_plan(fives_buffer* out,
                                        fives_journal* journal,
                                        const uint8_t* request, size_t len,
                                        fives_format format) FIVES_NOEXCEPT;
/** Opens the proposed action `action_id` on `date` (proposed -> open).
 * FIVES_NOT_FOUND for an unknown action; FIVES_FAILED_PRECONDITION for an
 * action that is not proposed; FIVES_INVALID_ARGUMENT for a NULL or
 * malformed argument, or a date before the action's last change. */
FIVES_API int fives_journal_open_action(fives_journal* journal,
                                        const char* action_id,
                                        const char* date) FIVES_NOEXCEPT;
/** Marks the open action `action_id` done on `date` (open -> done); errors
 * as fives_journal_open_action's, for an action that is not open. */
FIVES_API int fives_journal_complete_action(fives_journal* journal,
                                            const char* action_id,
                                            const char* date) FIVES_NOEXCEPT;
/** Drops the open action `action_id` on `date` (open -> dropped) for
 * `reason`, which must not be empty (FIVES_INVALID_ARGUMENT); otherwise
 * errors as fives_journal_complete_action's. */
FIVES_API int fives_journal_drop_action(fives_journal* journal,
                                        const char* action_id, const char* date,
                                        const char* reason) FIVES_NOEXCEPT;
/** `progress` 0..100, or -1 for none. */
FIVES_API int fives_journal_add_feedback(
    fives_journal* journal, const char* action_id, const char* date,
    const char* author_id, const char* text, int32_t progress) FIVES_NOEXCEPT;
/** fives.v1.FollowUp as of `date`; `owner_id` NULL or "" and `pillar`
 * FIVES_PILLAR_NONE for no filter. */
FIVES_API int fives_journal_follow_up(fives_buffer* out,
                                      const fives_journal* journal,
                                      const char* date, const char* owner_id,
                                      fives_pillar pillar,
                                      fives_format format) FIVES_NOEXCEPT;

/* The collaboration check and the process guardian. */
/** fives.v1.CheckStatus as of `date`. */
FIVES_API int fives_journal_check_status(fives_buffer* out,
                                         const fives_journal* journal,
                                         const char* date,
                                         fives_format format) FIVES_NOEXCEPT;
/** A fives.v1.CheckRequest in `format`; `out` gets the check's id. Its
 * `signals` are the catalog's warning signals the team ticked at the check,
 * each by its `number` counted from 1 (see fives_journal_tick_signals). */
FIVES_API int fives_journal_record_check(fives_buffer* out,
                                         fives_journal* journal,
                                         const uint8_t* request, size_t len,
                                         fives_format format) FIVES_NOEXCEPT;
/** `out` gets the member id of the process guardian on `date`. */
FIVES_API int fives_journal_guardian(fives_buffer* out,
                                     const fives_journal* journal,
                                     const char* date) FIVES_NOEXCEPT;

/** @} */

/* ---- The team charter ---- */
/** @defgroup charter The team charter
 * The agreements behind the five pillars (fives.v1.Charter, kept in the
 * journal): direction and priorities, how the team disagrees, decision
 * rules and owners, KPIs and risks, goals; each agreement carries the date
 * it was last confirmed. The charter also keeps the warning signals of the
 * catalog the team ticked at its checks.
 * @{ */

/** The journal's charter, a fives.v1.Charter in `format` (the empty message
 * when none is set). */
FIVES_API int fives_journal_charter(fives_buffer* out,
                                    const fives_journal* journal,
                                    fives_format format) FIVES_NOEXCEPT;
/** Replaces the charter with a fives.v1.Charter in `format`. An agreement
 * left undated, or changed while its date was kept, is dated `today`; so a
 * charter read with fives_journal_charter, edited and set again keeps the
 * dates of what did not change, while a charter without dates confirms
 * every agreement it holds today. Refused with FIVES_INVALID_ARGUMENT,
 * naming the field ("charter.steering.kpis[0].owner_id") and the value,
 * for an owner or member who is not a current member on `today`, a date
 * that is not ISO-8601, a decision model or steering-moment kind that does
 * not exist, and the other errors of the charter check; its warnings pass
 * (see fives_journal_review_charter). Warning signals are ticked at a
 * check, not set here: the charter's `signals` must be empty (the
 * journal's are kept) or equal to the journal's. */
FIVES_API int fives_journal_set_charter(fives_journal* journal,
                                        const uint8_t* charter, size_t len,
                                        fives_format format,
                                        const char* today) FIVES_NOEXCEPT;
/** The charter review as of `as_of`, a fives.v1.CharterReview in `format`:
 * per pillar the readiness (agreements in place / agreements the pillar
 * asks for), each agreement in place, missing or stale, the warning signals
 * counted over the checks held up to `as_of`, and the charter check's
 * errors and warnings (severity, field, message); then the one missing
 * agreement that would help most. An agreement last confirmed more than
 * `stale_days` days before `as_of` is stale; 0 takes the default of 365
 * days, and a negative value is refused. */
FIVES_API int fives_journal_review_charter(fives_buffer* out,
                                           const fives_journal* journal,
                                           const char* as_of, int stale_days,
                                           fives_format format) FIVES_NOEXCEPT;
/** Adds the warning signals the team ticked at the recorded check
 * `check_id`: a fives.v1.SignalTickRequest in `format`, each tick's
 * check_id empty or equal to the request's, its `number` the signal's
 * number in the pillar's warning_signals of the catalog counted from 1
 * (1..N; fives_pillar_texts), as people see it ("steering:2"). The
 * deprecated 0-based `signal` is no longer read: a tick that sets it is
 * refused. FIVES_NOT_FOUND for an unknown check; FIVES_INVALID_ARGUMENT,
 * naming "request.ticks[i]" and the value, for a pillar or number outside
 * the catalog, a tick that sets `signal`, or a signal already ticked at
 * that check. Every signal number the library writes (the charter's
 * ticks, the review's counts) counts from 1 too. */
FIVES_API int fives_journal_tick_signals(fives_journal* journal,
                                         const uint8_t* request, size_t len,
                                         fives_format format) FIVES_NOEXCEPT;

/** @} */

/* ---- The organisation ---- */
/** @defgroup org The organisation
 * Many teams rolled up: the organisation tree (fives.v1.Organization:
 * units of any depth whose leaves are management teams, and attribute
 * groupings such as region across the tree); what each team's journal
 * contributes to one period (fives.v1.TeamPartial, computed where the
 * journal is); the partials of a period (fives.v1.OrgPartials), which fold
 * in any order to the same bytes; the rollup of a period
 * (fives.v1.OrgRollup), private at every level of the tree and in every
 * group; and the trend between two periods (fives.v1.OrgTrend).
 *
 * A period is an inclusive range of ISO-8601 dates given as `period_from`
 * and `period_to`, the first not after the second; otherwise
 * FIVES_INVALID_ARGUMENT naming "period.from" or "period.to". Partials in
 * and out are serialized bytes (FIVES_FORMAT_BINARY); read them with
 * fives_message_convert. Partials hold what the journals hold (each team's
 * counts, who answered): keep and send them as journals are kept and sent,
 * never to report readers; only the rollup is for them. A journal file's
 * bytes are what fives_journal_save writes. Functions without a handle,
 * and a fives_org (immutable once made), are safe for concurrent use by any
 * number of threads.
 * @{ */

/** An organisation, validated. */
typedef struct fives_org fives_org;

/** An organisation from a fives.v1.Organization in `format` (text format or
 * JSON, as an organisation file holds it; or binary). FIVES_INVALID_ARGUMENT
 * for data that does not parse, and for an organisation that does not
 * validate, naming the unit ("units[3] (id \"sales\")") and the value:
 * ids that are not valid or unique, a unit without a name, no root or more
 * than one, a parent that is unknown or a team, a cycle, a team id used
 * twice, an attribute without a key or set twice, group_by keys empty or
 * repeated, privacy thresholds below the floors (3, 5). *out is NULL on
 * failure. */
FIVES_API int fives_org_parse(fives_org** out, const uint8_t* data, size_t len,
                              fives_format format) FIVES_NOEXCEPT;
/** Frees the organisation; accepts NULL. */
FIVES_API void fives_org_free(fives_org* org) FIVES_NOEXCEPT;
/** The organisation as a fives.v1.Organization in `format`. */
FIVES_API int fives_org_serialize(fives_buffer* out, const fives_org* org,
                                  fives_format format) FIVES_NOEXCEPT;

/** What one team's journal contributes to the period, a serialized
 * fives.v1.TeamPartial: the round that counts (the latest round closed
 * within the period; none: empty round_id) with its per-pillar counts as
 * the journal keeps them, who answered, and the team's follow-up as of the
 * period's end. `journal_file` holds the bytes of a journal file;
 * `journal_name` (NULL for none) is how the host names it (the file name),
 * kept in the partial. The journal file's errors: FIVES_INVALID_ARGUMENT
 * (empty, not a journal file, a journal that does not validate),
 * FIVES_DATA_LOSS (damaged or truncated), FIVES_FAILED_PRECONDITION (a
 * newer format version). */
FIVES_API int fives_org_partial(fives_buffer* out, const uint8_t* journal_file,
                                size_t len, const char* period_from,
                                const char* period_to,
                                const char* journal_name) FIVES_NOEXCEPT;

/** The partials of `count` journal files for the period, a serialized
 * fives.v1.OrgPartials sorted by team id: journal i is journal_files[i]
 * (lens[i] bytes) named journal_names[i]. A journal that does not load is
 * not an error here: it is listed in `excluded` with its error (the rollup
 * decides). Read on up to `threads` threads (0: one per core; at most
 * 256). The same bytes as folding the partials of each journal, or of any
 * split of them, in any order. FIVES_INVALID_ARGUMENT for a bad period or
 * thread count, or NULL arrays with count > 0. */
FIVES_API int fives_org_partials(fives_buffer* out,
                                 const uint8_t* const* journal_files,
                                 const size_t* lens,
                                 const char* const* journal_names, size_t count,
                                 const char* period_from, const char* period_to,
                                 int threads) FIVES_NOEXCEPT;

/** The same for every file named *.journal in `directory` (not recursive),
 * named by their file names, read in parallel. FIVES_NOT_FOUND when the
 * directory cannot be read. */
FIVES_API int fives_org_partials_of_directory(fives_buffer* out,
                                              const char* directory,
                                              const char* period_from,
                                              const char* period_to,
                                              int threads) FIVES_NOEXCEPT;

/** Two serialized fives.v1.OrgPartials of the same period folded into one:
 * teams sorted by team id (then journal name, then bytes), exclusions
 * likewise, so any order of folding gives the same bytes. Two journals of
 * one team are both kept (the rollup refuses or excludes them).
 * FIVES_INVALID_ARGUMENT for bytes that are not an OrgPartials (naming "a"
 * or "b") and for partials of different periods. */
FIVES_API int fives_org_fold_partials(fives_buffer* out, const uint8_t* a,
                                      size_t a_len, const uint8_t* b,
                                      size_t b_len) FIVES_NOEXCEPT;

/** The rollup of the partials (a serialized fives.v1.OrgPartials) over the
 * organisation: a fives.v1.OrgRollup in `format`. Every unit of the tree
 * and every group, per pillar, with the merged figures as the disclosure
 * model allows them (a cell with too few people shows only n or n and the
 * mean; cells that would give a withheld one away by adding and subtracting
 * are withheld too; a team shows no more than its own report), each
 * withheld cell with its reason (fives.v1.OrgWithheld), the follow-up of
 * the teams, and ranks among the teams whose means are shown.
 *
 * `earlier`: NULL (earlier_len 0), or the serialized partials of an earlier
 * period whose rollup readers have seen; a cell whose people differ from
 * that period's by a few is held back. `strict` non-zero: a team of the
 * organisation without a journal, a journal of a team the organisation
 * does not list, two journals of one team and a journal that did not load
 * are FIVES_INVALID_ARGUMENT naming it; zero (lenient): each is left out,
 * listed in `excluded`, and the rollup is not `complete`. Either way a team
 * without a round in the period is listed and makes it incomplete.
 * FIVES_FAILED_PRECONDITION when no team of the organisation closed a round
 * in the period. FIVES_INVALID_ARGUMENT for bytes that are not an
 * OrgPartials (naming "partials" or "earlier") or malformed partials, and
 * errors of the earlier period prefixed "earlier: ". */
FIVES_API int fives_org_rollup(fives_buffer* out, const fives_org* org,
                               const uint8_t* partials, size_t len,
                               const uint8_t* earlier, size_t earlier_len,
                               int strict, fives_format format) FIVES_NOEXCEPT;

/** Two rollups of one organisation compared (serialized
 * fives.v1.OrgRollup, the earlier period first): a fives.v1.OrgTrend in
 * `format`, per row found in both and per pillar the change as both show
 * it (verdict, median change, p-value and Cliff's delta at alpha 0.05 only
 * where both cells show their distribution), and whether the
 * organisation's weakest pillar of the earlier period moved. Roll `after`
 * up with the partials of `before` as `earlier`. FIVES_INVALID_ARGUMENT
 * for bytes that are not an OrgRollup (naming "before" or "after"), for
 * rollups of different organisations and for a row without five
 * pillars. */
FIVES_API int fives_org_compare(fives_buffer* out, const uint8_t* before,
                                size_t before_len, const uint8_t* after,
                                size_t after_len,
                                fives_format format) FIVES_NOEXCEPT;

/** A document of the organisation view for people (UTF-8 text,
 * deterministic) in `language` ("en" or "nl"): `kind` "text" (for a
 * terminal), "md" (Markdown), "html" (one self-contained page for an
 * organisation's meeting), "svg" (the heatmap: units and groups by
 * pillar), or "json" (the rollup and the trend in one fives.v1.OrgReport).
 * `rollup` is a serialized fives.v1.OrgRollup (fives_org_rollup), `trend`
 * a serialized fives.v1.OrgTrend (fives_org_compare) or NULL (trend_len
 * 0); the heatmap shows the rollup alone. The documents show only what the
 * rollup released, and the reason of each withheld cell.
 * FIVES_INVALID_ARGUMENT for another kind or language (naming "kind" or
 * "language"), bytes that are not a rollup or a trend (naming "rollup" or
 * "trend"), and a rollup or trend that is not well formed (a row without
 * five pillars). */
FIVES_API int fives_org_document(fives_buffer* out, const uint8_t* rollup,
                                 size_t rollup_len, const uint8_t* trend,
                                 size_t trend_len, const char* kind,
                                 const char* language) FIVES_NOEXCEPT;

/** @} */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /**< FIVES_H_ */

// The encoding of a C ABI call sequence for the capi_sequence fuzz target
// (and its seed corpus, make_corpus.cc).
//
// Input: one byte (even: a new journal; odd: the demo team's journal), then
// calls: one byte for the call (modulo kOpCount) and its arguments in order.
//  - string: one byte b; b < 0x80 picks the string b modulo the pool size
//    from a pool of dates, languages and every id in the journal; b >= 0x80
//    is followed by b - 0x80 bytes of the string itself.
//  - small number: one byte.
//  - message: one byte for the format (modulo 3, plus 1), two bytes of
//    length (little endian), the bytes.
#ifndef FIVES_TESTS_FUZZ_CAPI_SEQUENCE_H_
#define FIVES_TESTS_FUZZ_CAPI_SEQUENCE_H_

namespace fives::fuzz {

enum Op {
  kAddMember,          // id, name, date
  kMemberLeaves,       // id, date
  kForgetMember,       // id
  kStartRound,         // id, date, number (odd: open)
  kStartRoundRequest,  // message (fives.v1.RoundRequest)
  kAddResponse,        // round, member, 5 numbers (modulo 7: 6 is invalid)
  kCloseRound,         // round, date
  kCreatePlan,         // message (fives.v1.PlanRequest)
  kOpenAction,         // action, date
  kCompleteAction,     // action, date
  kDropAction,         // action, date, reason
  kAddFeedback,        // action, date, author, text, number (progress - 1)
  kRecordCheck,        // message (fives.v1.CheckRequest)
  kSetCharter,         // message (fives.v1.Charter), date
  kTickSignals,        // message (fives.v1.SignalTickRequest)
  kReport,             // round ("" for the latest), lang, number (format)
  kReportText,         // round, lang
  kMeetingReport,      // round, lang, date, number (format)
  kDocument,           // round, lang, date, number (document)
  kCompareRounds,      // round, round, number (format)
  kFollowUp,           // date, owner, number (pillar), number (format)
  kCheckStatus,        // date, number (format)
  kGuardian,           // date
  kCharter,            // number (format)
  kReviewCharter,      // date, number (stale days - 1), number (format)
  kSerialize,          // number (format)
  // The last failure and its text for people; they leave it as it is.
  kLastErrorDetail,  // number (format)
  kLastErrorText,    // lang
  kErrorText,        // message (fives.v1.Error), lang
  kErrorTakeDetail,  // number (format): the journal's kept failure
  kOpCount,
};

}  // namespace fives::fuzz

#endif  // FIVES_TESTS_FUZZ_CAPI_SEQUENCE_H_

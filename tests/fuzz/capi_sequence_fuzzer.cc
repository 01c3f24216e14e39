// A sequence of C ABI calls on one journal, decoded from the input
// (capi_sequence.h): after every call that fails, and after every call that
// only reads, the journal's serialized bytes are what they were before; at
// the end the journal parses back to the same bytes. After every call but
// the two on the last error, fives_last_error_detail gives that call's
// failure (its code and message) or FIVES_NOT_FOUND, and its text for
// people is not empty, leaving the last error as it was.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "capi_journal.h"
#include "capi_sequence.h"
#include "demo_team.h"
#include "fives.h"
#include "fives/civil_date.h"
#include "fives/journal_io.h"
#include "fives/string_rules.h"
#include "fives/v1/error.pb.h"
#include "journal_reads.h"

namespace {

using namespace fives::fuzz;  // NOLINT: the ops

class Input {
 public:
  Input(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool done() const { return pos_ >= size_; }
  uint8_t Byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  std::string Raw(size_t n) {
    n = std::min(n, size_ - pos_);
    std::string s(reinterpret_cast<const char*>(data_ + pos_), n);
    pos_ += n;
    return s;
  }
  std::string Str(const std::vector<std::string>& pool) {
    const uint8_t b = Byte();
    if (b >= 0x80) return Raw(b - 0x80);
    return pool[b % pool.size()];
  }
  fives_format Format() { return static_cast<fives_format>(Byte() % 3 + 1); }
  std::string Message(fives_format* format) {
    *format = Format();
    const size_t n = Byte() | (Byte() << 8);
    return Raw(n);
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

// Dates of a year and a half from the demo team's start, languages, and
// every id the journal holds.
std::vector<std::string> Pool(const std::string& bytes) {
  std::vector<std::string> pool = {"", "en", "nl", "x"};
  for (int week = 0; week < 80; week += 3) {
    pool.push_back(
        fives::FormatCivilDate(absl::CivilDay(2026, 1, 5) + 7 * week));
  }
  fives::v1::Journal proto;
  if (!proto.ParseFromString(bytes)) return pool;
  for (const auto& m : proto.team().members()) pool.push_back(m.id());
  for (const auto& r : proto.rounds()) pool.push_back(r.id());
  for (const auto& a : proto.actions()) pool.push_back(a.id());
  for (const auto& c : proto.checks()) pool.push_back(c.id());
  return pool;
}

const uint8_t* U8(const std::string& s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}
const char* OrNull(const std::string& s) {
  return s.empty() ? nullptr : s.c_str();
}

// One call; `reads` when it only reads, `quiet` when it leaves the last
// error as it was.
int Call(fives_journal* j, Input& in, const std::vector<std::string>& pool,
         bool* reads, bool* quiet) {
  fives_buffer out = FIVES_BUFFER_INIT;
  int status = FIVES_OK;
  fives_format format = FIVES_FORMAT_BINARY;
  *reads = false;
  *quiet = false;
  switch (in.Byte() % kOpCount) {
    case kAddMember: {
      std::string id = in.Str(pool), name = in.Str(pool), day = in.Str(pool);
      status =
          fives_journal_add_member(j, id.c_str(), name.c_str(), day.c_str());
      break;
    }
    case kMemberLeaves: {
      std::string id = in.Str(pool), day = in.Str(pool);
      status = fives_journal_member_leaves(j, id.c_str(), day.c_str());
      break;
    }
    case kForgetMember: {
      std::string id = in.Str(pool);
      status = fives_journal_forget_member(j, id.c_str());
      break;
    }
    case kStartRound: {
      std::string id = in.Str(pool), day = in.Str(pool);
      // 1 and 2 are the modes; 0 and 3 must be refused.
      const auto mode = static_cast<fives_round_mode>(in.Byte() % 4);
      status = fives_journal_start_round(j, id.c_str(), day.c_str(), mode);
      break;
    }
    case kStartRoundRequest: {
      std::string m = in.Message(&format);
      status = fives_journal_start_round_request(j, U8(m), m.size(), format);
      break;
    }
    case kAddResponse: {
      std::string round = in.Str(pool), member = in.Str(pool);
      int32_t scores[5];
      for (int32_t& s : scores) s = in.Byte() % 7;
      status =
          fives_journal_add_response(j, round.c_str(), member.c_str(), scores);
      break;
    }
    case kCloseRound: {
      std::string round = in.Str(pool), day = in.Str(pool);
      status = fives_journal_close_round(j, round.c_str(), day.c_str());
      break;
    }
    case kCreatePlan: {
      std::string m = in.Message(&format);
      status = fives_journal_create_plan(&out, j, U8(m), m.size(), format);
      break;
    }
    case kOpenAction: {
      std::string id = in.Str(pool), day = in.Str(pool);
      status = fives_journal_open_action(j, id.c_str(), day.c_str());
      break;
    }
    case kCompleteAction: {
      std::string id = in.Str(pool), day = in.Str(pool);
      status = fives_journal_complete_action(j, id.c_str(), day.c_str());
      break;
    }
    case kDropAction: {
      std::string id = in.Str(pool), day = in.Str(pool), why = in.Str(pool);
      status =
          fives_journal_drop_action(j, id.c_str(), day.c_str(), why.c_str());
      break;
    }
    case kAddFeedback: {
      std::string id = in.Str(pool), day = in.Str(pool), author = in.Str(pool),
                  text = in.Str(pool);
      const int progress = static_cast<int>(in.Byte()) - 1;
      status = fives_journal_add_feedback(
          j, id.c_str(), day.c_str(), author.c_str(), text.c_str(), progress);
      break;
    }
    case kRecordCheck: {
      std::string m = in.Message(&format);
      status = fives_journal_record_check(&out, j, U8(m), m.size(), format);
      break;
    }
    case kSetCharter: {
      std::string m = in.Message(&format);
      std::string day = in.Str(pool);
      status =
          fives_journal_set_charter(j, U8(m), m.size(), format, day.c_str());
      break;
    }
    case kTickSignals: {
      std::string m = in.Message(&format);
      status = fives_journal_tick_signals(j, U8(m), m.size(), format);
      break;
    }
    case kReport: {
      std::string round = in.Str(pool), lang = in.Str(pool);
      status = fives_journal_report(&out, j, OrNull(round), lang.c_str(),
                                    in.Format());
      *reads = true;
      break;
    }
    case kReportText: {
      std::string round = in.Str(pool), lang = in.Str(pool);
      status = fives_journal_report_text(&out, j, OrNull(round), lang.c_str());
      *reads = true;
      break;
    }
    case kMeetingReport: {
      std::string round = in.Str(pool), lang = in.Str(pool), day = in.Str(pool);
      status = fives_journal_meeting_report(
          &out, j, OrNull(round), lang.c_str(), day.c_str(), in.Format());
      *reads = true;
      break;
    }
    case kDocument: {
      std::string round = in.Str(pool), lang = in.Str(pool), day = in.Str(pool);
      status = fives_journal_document(
          &out, j, OrNull(round), lang.c_str(), day.c_str(),
          static_cast<fives_document>(in.Byte() % 6));
      *reads = true;
      break;
    }
    case kCompareRounds: {
      std::string a = in.Str(pool), b = in.Str(pool);
      status = fives_journal_compare_rounds(&out, j, a.c_str(), b.c_str(),
                                            in.Format());
      *reads = true;
      break;
    }
    case kFollowUp: {
      std::string day = in.Str(pool), owner = in.Str(pool);
      const auto pillar = static_cast<fives_pillar>(in.Byte() % 7);
      status = fives_journal_follow_up(&out, j, day.c_str(), owner.c_str(),
                                       pillar, in.Format());
      *reads = true;
      break;
    }
    case kCheckStatus: {
      std::string day = in.Str(pool);
      status = fives_journal_check_status(&out, j, day.c_str(), in.Format());
      *reads = true;
      break;
    }
    case kGuardian: {
      std::string day = in.Str(pool);
      status = fives_journal_guardian(&out, j, day.c_str());
      *reads = true;
      break;
    }
    case kCharter:
      status = fives_journal_charter(&out, j, in.Format());
      *reads = true;
      break;
    case kReviewCharter: {
      std::string day = in.Str(pool);
      const int stale = static_cast<int>(in.Byte()) - 1;
      status = fives_journal_review_charter(&out, j, day.c_str(), stale,
                                            in.Format());
      *reads = true;
      break;
    }
    case kSerialize:
      status = fives_journal_serialize(&out, j, in.Format());
      *reads = true;
      break;
    case kLastErrorDetail:
      status = fives_last_error_detail(&out, in.Format());
      *reads = *quiet = true;
      break;
    case kLastErrorText: {
      std::string lang = in.Str(pool);
      status = fives_last_error_text(&out, lang.c_str());
      *reads = *quiet = true;
      break;
    }
    case kErrorText: {
      std::string m = in.Message(&format);
      std::string lang = in.Str(pool);
      status = fives_error_text(&out, U8(m), m.size(), format, lang.c_str());
      *reads = true;
      break;
    }
    case kErrorTakeDetail:
      status = fives_error_take_detail(&out, j, in.Format());
      *reads = true;
      break;
  }
  fives_buffer_free(&out);
  return status;
}

// The last error after a call that returned `status`: what
// fives_last_error_detail and fives_last_error_text give, which leave it
// as it was.
void CheckLastError(int status) {
  const std::string message = fives_last_error();
  fives_buffer out = FIVES_BUFFER_INIT;
  const int detail = fives_last_error_detail(&out, FIVES_FORMAT_BINARY);
  if (status == FIVES_OK) {
    Check(detail == FIVES_NOT_FOUND && out.data == nullptr,
          "a last error after a successful call");
    return;
  }
  Check(detail == FIVES_OK, "no last error after a failed call");
  fives::v1::Error error;
  Check(error.ParseFromArray(out.data, static_cast<int>(out.len)),
        "the last error is not a fives.v1.Error");
  fives_buffer_free(&out);
  Check(error.status() == status, "the last error has another code");
  // The same message, a byte that is not UTF-8 written as \xNN (so it
  // parses back, as it did above: proto3 strings must be UTF-8); and whole,
  // where fives_last_error() ends at a NUL the message may quote.
  const std::string whole = error.message();
  Check(fives::ValidUtf8Prefix(message) < message.size() ||
            whole.substr(0, whole.find('\0')) == message,
        "the last error has another message");
  for (const char* lang : {"en", "nl"}) {
    Check(fives_last_error_text(&out, lang) == FIVES_OK &&
              out.data != nullptr && (out.len > 0 || message.empty()),
          "the last error has no text for people");
    fives_buffer_free(&out);
  }
  Check(message == fives_last_error(), "reading the last error changed it");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Input in(data, size);
  fives_journal* j = nullptr;
  if (in.Byte() % 2 == 0) {
    Check(fives_journal_new(&j, "t", "T", nullptr, 0, FIVES_FORMAT_BINARY) ==
              FIVES_OK,
          "a new journal fails");
  } else {
    const std::string& demo = DemoBytes();
    Check(fives_journal_parse(&j, U8(demo), demo.size(), FIVES_FORMAT_BINARY) ==
              FIVES_OK,
          "the demo journal does not parse");
  }
  std::string bytes = Bytes(j);
  std::vector<std::string> pool = Pool(bytes);
  while (!in.done()) {
    bool reads = false, quiet = false;
    const int status = Call(j, in, pool, &reads, &quiet);
    if (!quiet) CheckLastError(status);
    std::string after = Bytes(j);
    if (status != FIVES_OK) {
      Check(after == bytes, "a refused call changed the journal");
    } else if (reads) {
      Check(after == bytes, "a call that reads changed the journal");
    } else if (after != bytes) {
      bytes = std::move(after);
      pool = Pool(bytes);
    }
  }
  // The journal parses back to the same bytes.
  fives::v1::Journal proto;
  Check(proto.ParseFromString(bytes), "the journal's bytes do not parse");
  {
    fives_journal* again = nullptr;
    Check(fives_journal_parse(&again, U8(bytes), bytes.size(),
                              FIVES_FORMAT_BINARY) == FIVES_OK,
          "the journal's bytes do not parse back");
    Check(Bytes(again) == bytes, "the journal parses back to other bytes");
    fives_journal_free(again);
  }
  fives_journal_free(j);
  return 0;
}

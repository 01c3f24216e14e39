// The C ABI of the journal: a handle over fives::Journal.
#include "fives/journal.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "capi_internal.h"
#include "fives.h"
#include "fives/civil_date.h"
#include "fives/journal_document.h"
#include "fives/journal_io.h"
#include "fives/journal_requests.h"
#include "fives/meeting_report.h"
#include "fives/report_suggestions.h"
#include "fives/report_text.h"
#include "fives/v1/requests.pb.h"
#include "journal_handle.h"

absl::Status fives::capi::CheckJournal(const fives_journal* j) {
  if (j == nullptr) return absl::InvalidArgumentError("journal: NULL");
  if (j->magic != fives_journal::kMagic) {
    return absl::InvalidArgumentError(
        "journal: not a live fives_journal (freed, or not a handle)");
  }
  return absl::OkStatus();
}

namespace {

using fives::capi::BeginCall;
using fives::capi::CheckDate;
using fives::capi::CheckJournal;
using fives::capi::CheckLanguage;
using fives::capi::CheckOut;
using fives::capi::CheckString;
using fives::capi::Done;
using fives::capi::Fail;
using fives::capi::Mutate;
using fives::capi::WithResult;

// An optional string argument: NULL or "" is absent.
absl::StatusOr<std::string> OptionalString(const char* s,
                                           absl::string_view field) {
  if (s == nullptr) return std::string();
  absl::StatusOr<absl::string_view> text = CheckString(s, field);
  if (!text.ok()) return text.status();
  return std::string(*text);
}

// Runs `op(journal, id, day)` after checking the id string and the date; the
// shape of the entry points that take an id and a date.
template <typename Op>
int MutateIdAndDate(fives_journal* journal, const char* id,
                    absl::string_view id_field, const char* date,
                    absl::string_view date_field, Op op) {
  return fives::capi::Guarded(journal, [&]() -> int {
    return Mutate(journal, [&](fives::Journal& j) -> absl::Status {
      absl::StatusOr<absl::string_view> i = CheckString(id, id_field);
      if (!i.ok()) return i.status();
      absl::StatusOr<absl::CivilDay> d = CheckDate(date, date_field);
      if (!d.ok()) return d.status();
      return op(j, *i, *d);
    });
  });
}

}  // namespace

extern "C" {

FIVES_API int fives_journal_new(fives_journal** out, const char* team_id,
                                const char* team_name, const uint8_t* config,
                                size_t config_len,
                                fives_format config_format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (out == nullptr) return Fail(absl::InvalidArgumentError("out: NULL"));
    *out = nullptr;
    absl::StatusOr<absl::string_view> id = CheckString(team_id, "team_id");
    if (!id.ok()) return Fail(id.status());
    absl::StatusOr<absl::string_view> name =
        CheckString(team_name, "team_name");
    if (!name.ok()) return Fail(name.status());
    fives::v1::TeamConfig proto;
    if (config != nullptr || config_len != 0) {
      if (absl::Status s = fives::capi::ParseMessage(
              config, config_len, config_format, "config", &proto);
          !s.ok()) {
        return Fail(s);
      }
    }
    absl::StatusOr<fives::Journal> journal =
        fives::Journal::Create(*id, *name, proto);
    if (!journal.ok()) return Fail(journal.status());
    *out = new fives_journal{fives_journal::kMagic, *std::move(journal)};
    return FIVES_OK;
  });
}

FIVES_API int fives_journal_parse(fives_journal** out, const uint8_t* data,
                                  size_t len, fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (out == nullptr) return Fail(absl::InvalidArgumentError("out: NULL"));
    *out = nullptr;
    if (absl::Status s = fives::capi::CheckBytes(data, len, "journal");
        !s.ok()) {
      return Fail(s);
    }
    if (absl::Status s = fives::capi::CheckFormat(format); !s.ok()) {
      return Fail(s);
    }
    // The library's parse: a binary journal's counts and string lengths
    // are checked before it is parsed.
    const fives::JournalFormat formats[] = {fives::JournalFormat::kBinary,
                                            fives::JournalFormat::kJson,
                                            fives::JournalFormat::kText};
    absl::StatusOr<fives::Journal> journal = fives::ParseJournal(
        absl::string_view(reinterpret_cast<const char*>(data), len),
        formats[format - FIVES_FORMAT_BINARY]);
    if (!journal.ok()) return Fail(journal.status());
    *out = new fives_journal{fives_journal::kMagic, *std::move(journal)};
    return FIVES_OK;
  });
}

FIVES_API int fives_journal_load(fives_journal** out,
                                 const char* path) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (out == nullptr) return Fail(absl::InvalidArgumentError("out: NULL"));
    *out = nullptr;
    absl::StatusOr<absl::string_view> p = CheckString(path, "path");
    if (!p.ok()) return Fail(p.status());
    std::string file(*p);
    fives::JournalFileStamp stamp;
    absl::StatusOr<fives::Journal> journal =
        fives::LoadJournalFile(file, stamp);
    if (!journal.ok()) return Fail(journal.status());
    *out = new fives_journal{fives_journal::kMagic, *std::move(journal),
                             std::move(file), stamp};
    return FIVES_OK;
  });
}

FIVES_API void fives_journal_free(fives_journal* journal) noexcept {
  if (journal == nullptr) return;
  journal->magic = 0;
  delete journal;
}

FIVES_API int fives_journal_serialize(fives_buffer* out,
                                      const fives_journal* journal,
                                      fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      return fives::capi::WriteMessage(j.proto(), format, out);
    });
  });
}

FIVES_API int fives_journal_save(const fives_journal* journal,
                                 const char* path) noexcept {
  return fives::capi::Guarded(journal, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckJournal(journal); !s.ok()) return Fail(s);
    absl::StatusOr<absl::string_view> p = CheckString(path, "path");
    if (!p.ok()) return Fail(p.status());
    const std::string file(*p);
    if (journal->path.empty() || file != journal->path) {
      return Done(fives::SaveJournalFile(journal->journal, file));
    }
    return Done(fives::SaveJournalFile(journal->journal, file, journal->stamp));
  });
}

FIVES_API int fives_journal_add_member(fives_journal* journal, const char* id,
                                       const char* display_name,
                                       const char* joined) noexcept {
  return fives::capi::Guarded(journal, [&]() -> int {
    return Mutate(journal, [&](fives::Journal& j) -> absl::Status {
      absl::StatusOr<absl::string_view> i = CheckString(id, "id");
      if (!i.ok()) return i.status();
      absl::StatusOr<absl::string_view> n =
          CheckString(display_name, "display_name");
      if (!n.ok()) return n.status();
      absl::StatusOr<absl::CivilDay> d = CheckDate(joined, "joined");
      if (!d.ok()) return d.status();
      return j.AddMember(*i, *n, *d);
    });
  });
}

FIVES_API int fives_journal_member_leaves(fives_journal* journal,
                                          const char* id,
                                          const char* left) noexcept {
  return MutateIdAndDate(
      journal, id, "id", left, "left",
      [](fives::Journal& j, absl::string_view member, absl::CivilDay d) {
        return j.RecordLeave(member, d);
      });
}

FIVES_API int fives_journal_forget_member(fives_journal* journal,
                                          const char* id) noexcept {
  return fives::capi::Guarded(journal, [&]() -> int {
    return Mutate(journal, [&](fives::Journal& j) -> absl::Status {
      absl::StatusOr<absl::string_view> i = CheckString(id, "id");
      if (!i.ok()) return i.status();
      return j.ForgetMember(*i);
    });
  });
}

FIVES_API int fives_journal_start_round(fives_journal* journal,
                                        const char* round_id, const char* date,
                                        fives_round_mode mode) noexcept {
  return fives::capi::Guarded(journal, [&]() -> int {
    return Mutate(journal, [&](fives::Journal& j) -> absl::Status {
      absl::StatusOr<absl::string_view> id = CheckString(round_id, "round_id");
      if (!id.ok()) return id.status();
      absl::StatusOr<absl::CivilDay> d = CheckDate(date, "date");
      if (!d.ok()) return d.status();
      return j.StartRound(
          j.NewRoundOptions(*id, *d, static_cast<fives::v1::RoundMode>(mode)));
    });
  });
}

FIVES_API int fives_journal_start_round_request(fives_journal* journal,
                                                const uint8_t* request,
                                                size_t len,
                                                fives_format format) noexcept {
  return fives::capi::Guarded(journal, [&]() -> int {
    return Mutate(journal, [&](fives::Journal& j) -> absl::Status {
      fives::v1::RoundRequest r;
      if (absl::Status s =
              fives::capi::ParseMessage(request, len, format, "request", &r);
          !s.ok()) {
        return s;
      }
      absl::StatusOr<fives::RoundOptions> options =
          fives::RoundOptionsFromRequest(j, r);
      if (!options.ok()) return options.status();
      return j.StartRound(*options);
    });
  });
}

FIVES_API int fives_journal_add_response(fives_journal* journal,
                                         const char* round_id,
                                         const char* member_id,
                                         const int32_t scores[5]) noexcept {
  return fives::capi::Guarded(journal, [&]() -> int {
    return Mutate(journal, [&](fives::Journal& j) -> absl::Status {
      absl::StatusOr<absl::string_view> id = CheckString(round_id, "round_id");
      if (!id.ok()) return id.status();
      absl::StatusOr<absl::string_view> member =
          CheckString(member_id, "member_id");
      if (!member.ok()) return member.status();
      if (scores == nullptr) return absl::InvalidArgumentError("scores: NULL");
      fives::v1::Response response;
      response.set_member_id(std::string(*member));
      for (int p = 0; p < 5; ++p) {
        if (scores[p] == 0) continue;  // left out
        fives::v1::PillarScore* s = response.add_scores();
        s->set_pillar(static_cast<fives::v1::Pillar>(p + 1));
        s->set_score(scores[p]);
      }
      return j.AddResponse(*id, response);
    });
  });
}

FIVES_API int fives_journal_close_round(fives_journal* journal,
                                        const char* round_id,
                                        const char* date) noexcept {
  return MutateIdAndDate(journal, round_id, "round_id", date, "date",
                         [](fives::Journal& j, absl::string_view id,
                            absl::CivilDay d) { return j.CloseRound(id, d); });
}

}  // extern "C"

namespace {

absl::StatusOr<fives::v1::RoundReport> ReportOf(const fives::Journal& journal,
                                                const char* round_id) {
  if (round_id == nullptr) return journal.LatestReport();
  absl::StatusOr<absl::string_view> id = CheckString(round_id, "round_id");
  if (!id.ok()) return id.status();
  return journal.Report(*id);
}

}  // namespace

extern "C" {

FIVES_API int fives_journal_report(fives_buffer* out,
                                   const fives_journal* journal,
                                   const char* round_id, const char* language,
                                   fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      if (absl::Status s = fives::capi::CheckFormat(format); !s.ok()) return s;
      absl::StatusOr<fives::Language> lang = CheckLanguage(language);
      if (!lang.ok()) return lang.status();
      absl::StatusOr<fives::v1::RoundReport> report = ReportOf(j, round_id);
      if (!report.ok()) return report.status();
      fives::AddSuggestions(*lang, &*report);
      return fives::capi::WriteMessage(*report, format, out);
    });
  });
}

FIVES_API int fives_journal_report_text(fives_buffer* out,
                                        const fives_journal* journal,
                                        const char* round_id,
                                        const char* language) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      absl::StatusOr<fives::Language> lang = CheckLanguage(language);
      if (!lang.ok()) return lang.status();
      absl::StatusOr<fives::v1::RoundReport> report = ReportOf(j, round_id);
      if (!report.ok()) return report.status();
      return fives::capi::WriteText(fives::RenderReportText(*report, *lang),
                                    out);
    });
  });
}

}  // extern "C"

namespace {

// The meeting report the document functions start from.
absl::StatusOr<fives::v1::MeetingReport> MeetingOf(const fives_journal* journal,
                                                   const char* round_id,
                                                   const char* language,
                                                   const char* as_of,
                                                   fives::Language* lang) {
  if (absl::Status s = CheckJournal(journal); !s.ok()) return s;
  absl::StatusOr<fives::Language> l = CheckLanguage(language);
  if (!l.ok()) return l.status();
  *lang = *l;
  absl::StatusOr<absl::CivilDay> day = CheckDate(as_of, "as_of");
  if (!day.ok()) return day.status();
  absl::StatusOr<std::string> round = OptionalString(round_id, "round_id");
  if (!round.ok()) return round.status();
  return fives::BuildMeetingReport(journal->journal, *round, *l, *day);
}

}  // namespace

extern "C" {

FIVES_API int fives_journal_meeting_report(
    fives_buffer* out, const fives_journal* journal, const char* round_id,
    const char* language, const char* as_of, fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(out); !s.ok()) return Fail(s);
    if (absl::Status s = fives::capi::CheckFormat(format); !s.ok()) {
      return Fail(s);
    }
    fives::Language lang;
    absl::StatusOr<fives::v1::MeetingReport> m =
        MeetingOf(journal, round_id, language, as_of, &lang);
    if (!m.ok()) return Fail(m.status());
    return Done(fives::capi::WriteMessage(*m, format, out));
  });
}

FIVES_API int fives_journal_document(fives_buffer* out,
                                     const fives_journal* journal,
                                     const char* round_id, const char* language,
                                     const char* as_of,
                                     fives_document document) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      // The first documents of the ABI, each a DocumentRequest of today.
      fives::v1::DocumentRequest request;
      switch (document) {
        case FIVES_DOCUMENT_MARKDOWN:
          request.set_kind(fives::v1::DOCUMENT_KIND_REPORT);
          request.set_format(fives::v1::DOCUMENT_FORMAT_MARKDOWN);
          break;
        case FIVES_DOCUMENT_HTML:
          request.set_kind(fives::v1::DOCUMENT_KIND_REPORT);
          request.set_format(fives::v1::DOCUMENT_FORMAT_HTML);
          break;
        case FIVES_DOCUMENT_RADAR:
          request.set_kind(fives::v1::DOCUMENT_KIND_RADAR);
          break;
        case FIVES_DOCUMENT_STRIPS:
          request.set_kind(fives::v1::DOCUMENT_KIND_STRIPS);
          break;
        case FIVES_DOCUMENT_TREND:
          request.set_kind(fives::v1::DOCUMENT_KIND_TREND);
          break;
        default:
          return absl::InvalidArgumentError(
              absl::StrCat("document: ", document,
                           " is not FIVES_DOCUMENT_MARKDOWN (1) .. "
                           "FIVES_DOCUMENT_TREND (5)"));
      }
      absl::StatusOr<fives::Language> lang = CheckLanguage(language);
      if (!lang.ok()) return lang.status();
      request.set_language(std::string(fives::LanguageTag(*lang)));
      absl::StatusOr<absl::CivilDay> day = CheckDate(as_of, "as_of");
      if (!day.ok()) return day.status();
      request.set_as_of(fives::FormatCivilDate(*day));
      absl::StatusOr<std::string> round = OptionalString(round_id, "round_id");
      if (!round.ok()) return round.status();
      request.set_round_id(*round);
      absl::StatusOr<std::string> text =
          fives::RenderJournalDocument(j, request);
      if (!text.ok()) return text.status();
      return fives::capi::WriteText(*text, out);
    });
  });
}

FIVES_API int fives_journal_render(fives_buffer* out,
                                   const fives_journal* journal,
                                   const uint8_t* request, size_t len,
                                   fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(out); !s.ok()) return Fail(s);
    fives::v1::DocumentRequest r;
    if (absl::Status s =
            fives::capi::ParseMessage(request, len, format, "request", &r);
        !s.ok()) {
      return Fail(s);
    }
    absl::StatusOr<std::string> text;
    if (journal == nullptr) {
      text = fives::RenderCatalogDocument(r);
    } else {
      if (absl::Status s = CheckJournal(journal); !s.ok()) return Fail(s);
      text = fives::RenderJournalDocument(journal->journal, r);
    }
    if (!text.ok()) return Fail(text.status());
    return Done(fives::capi::WriteText(*text, out));
  });
}

FIVES_API int fives_journal_compare_rounds(fives_buffer* out,
                                           const fives_journal* journal,
                                           const char* before_round_id,
                                           const char* after_round_id,
                                           fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      absl::StatusOr<absl::string_view> before =
          CheckString(before_round_id, "before_round_id");
      if (!before.ok()) return before.status();
      absl::StatusOr<absl::string_view> after =
          CheckString(after_round_id, "after_round_id");
      if (!after.ok()) return after.status();
      if (absl::Status s = fives::capi::CheckFormat(format); !s.ok()) return s;
      absl::StatusOr<fives::v1::RoundComparison> c =
          j.CompareRounds(*before, *after);
      if (!c.ok()) return c.status();
      return fives::capi::WriteMessage(*c, format, out);
    });
  });
}

FIVES_API int fives_journal_create_plan(fives_buffer* out,
                                        fives_journal* journal,
                                        const uint8_t* request, size_t len,
                                        fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      fives::v1::PlanRequest r;
      if (absl::Status s =
              fives::capi::ParseMessage(request, len, format, "request", &r);
          !s.ok()) {
        return s;
      }
      absl::StatusOr<fives::PlanInput> input = fives::PlanInputFromRequest(r);
      if (!input.ok()) return input.status();
      absl::StatusOr<std::string> id = j.CreatePlan(*input);
      if (!id.ok()) return id.status();
      return fives::capi::WriteText(*id, out);
    });
  });
}

FIVES_API int fives_journal_open_action(fives_journal* journal,
                                        const char* action_id,
                                        const char* date) noexcept {
  return MutateIdAndDate(journal, action_id, "action_id", date, "date",
                         [](fives::Journal& j, absl::string_view id,
                            absl::CivilDay d) { return j.OpenAction(id, d); });
}

FIVES_API int fives_journal_complete_action(fives_journal* journal,
                                            const char* action_id,
                                            const char* date) noexcept {
  return MutateIdAndDate(
      journal, action_id, "action_id", date, "date",
      [](fives::Journal& j, absl::string_view id, absl::CivilDay d) {
        return j.CompleteAction(id, d);
      });
}

FIVES_API int fives_journal_drop_action(fives_journal* journal,
                                        const char* action_id, const char* date,
                                        const char* reason) noexcept {
  return fives::capi::Guarded(journal, [&]() -> int {
    return Mutate(journal, [&](fives::Journal& j) -> absl::Status {
      absl::StatusOr<absl::string_view> id =
          CheckString(action_id, "action_id");
      if (!id.ok()) return id.status();
      absl::StatusOr<absl::CivilDay> d = CheckDate(date, "date");
      if (!d.ok()) return d.status();
      absl::StatusOr<absl::string_view> why = CheckString(reason, "reason");
      if (!why.ok()) return why.status();
      return j.DropAction(*id, *d, *why);
    });
  });
}

FIVES_API int fives_journal_add_feedback(
    fives_journal* journal, const char* action_id, const char* date,
    const char* author_id, const char* text, int32_t progress) noexcept {
  return fives::capi::Guarded(journal, [&]() -> int {
    return Mutate(journal, [&](fives::Journal& j) -> absl::Status {
      absl::StatusOr<absl::string_view> id =
          CheckString(action_id, "action_id");
      if (!id.ok()) return id.status();
      absl::StatusOr<absl::CivilDay> d = CheckDate(date, "date");
      if (!d.ok()) return d.status();
      absl::StatusOr<absl::string_view> author =
          CheckString(author_id, "author_id");
      if (!author.ok()) return author.status();
      absl::StatusOr<absl::string_view> t = CheckString(text, "text");
      if (!t.ok()) return t.status();
      std::optional<int> p;
      if (progress != -1) p = progress;
      return j.AddFeedback(*id, *d, *author, *t, p);
    });
  });
}

FIVES_API int fives_journal_follow_up(fives_buffer* out,
                                      const fives_journal* journal,
                                      const char* date, const char* owner_id,
                                      fives_pillar pillar,
                                      fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      absl::StatusOr<absl::CivilDay> d = CheckDate(date, "date");
      if (!d.ok()) return d.status();
      absl::StatusOr<std::string> owner = OptionalString(owner_id, "owner_id");
      if (!owner.ok()) return owner.status();
      std::optional<fives::Pillar> filter;
      if (pillar != FIVES_PILLAR_NONE) {
        absl::StatusOr<fives::Pillar> p = fives::PillarFromProto(
            static_cast<fives::v1::Pillar>(pillar), "pillar");
        if (!p.ok()) return p.status();
        filter = *p;
      }
      return fives::capi::WriteMessage(j.FollowUp(*d, *owner, filter), format,
                                       out);
    });
  });
}

FIVES_API int fives_journal_check_status(fives_buffer* out,
                                         const fives_journal* journal,
                                         const char* date,
                                         fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      absl::StatusOr<absl::CivilDay> d = CheckDate(date, "date");
      if (!d.ok()) return d.status();
      return fives::capi::WriteMessage(j.CheckStatus(*d), format, out);
    });
  });
}

FIVES_API int fives_journal_record_check(fives_buffer* out,
                                         fives_journal* journal,
                                         const uint8_t* request, size_t len,
                                         fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      fives::v1::CheckRequest r;
      if (absl::Status s =
              fives::capi::ParseMessage(request, len, format, "request", &r);
          !s.ok()) {
        return s;
      }
      absl::StatusOr<fives::CheckInput> input = fives::CheckInputFromRequest(r);
      if (!input.ok()) return input.status();
      absl::StatusOr<std::string> id = j.RecordCheck(*input);
      if (!id.ok()) return id.status();
      return fives::capi::WriteText(*id, out);
    });
  });
}

FIVES_API int fives_journal_guardian(fives_buffer* out,
                                     const fives_journal* journal,
                                     const char* date) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      absl::StatusOr<absl::CivilDay> d = CheckDate(date, "date");
      if (!d.ok()) return d.status();
      absl::StatusOr<std::string> id = j.Guardian(*d);
      if (!id.ok()) return id.status();
      return fives::capi::WriteText(*id, out);
    });
  });
}

}  // extern "C"

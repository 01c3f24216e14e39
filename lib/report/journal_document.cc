#include "fives/journal_document.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/meeting_report.h"
#include "fives/pillar.h"
#include "fives/report_svg.h"
#include "fives/report_text.h"
#include "outline.h"
#include "screens.h"

namespace fives {
namespace {

bool IsPicture(v1::DocumentKind kind) {
  return kind == v1::DOCUMENT_KIND_RADAR || kind == v1::DOCUMENT_KIND_STRIPS ||
         kind == v1::DOCUMENT_KIND_TREND;
}

// The request checked once: language, format, day and filters parsed.
struct Request {
  const v1::DocumentRequest& proto;
  Language language = Language::kEnglish;
  v1::DocumentFormat format = v1::DOCUMENT_FORMAT_TEXT;
  std::optional<absl::CivilDay> as_of;
  std::optional<Pillar> pillar;

  absl::StatusOr<absl::CivilDay> AsOf() const {
    if (as_of) return *as_of;
    return absl::InvalidArgumentError(absl::StrCat(
        "request.as_of: empty; ", v1::DocumentKind_Name(proto.kind()),
        " speaks of a day (YYYY-MM-DD)"));
  }
};

absl::StatusOr<Request> CheckRequest(const v1::DocumentRequest& proto) {
  Request r{proto, Language::kEnglish, v1::DOCUMENT_FORMAT_TEXT, std::nullopt,
            std::nullopt};
  if (!v1::DocumentKind_IsValid(proto.kind()) ||
      proto.kind() == v1::DOCUMENT_KIND_UNSPECIFIED) {
    return absl::InvalidArgumentError(
        absl::StrCat("request.kind: ", static_cast<int>(proto.kind()),
                     " is not a document kind"));
  }
  if (!v1::DocumentFormat_IsValid(proto.format())) {
    return absl::InvalidArgumentError(
        absl::StrCat("request.format: ", static_cast<int>(proto.format()),
                     " is not a document format"));
  }
  const bool picture = IsPicture(proto.kind());
  r.format = proto.format();
  if (r.format == v1::DOCUMENT_FORMAT_UNSPECIFIED) {
    r.format = picture ? v1::DOCUMENT_FORMAT_SVG : v1::DOCUMENT_FORMAT_TEXT;
  }
  if (picture != (r.format == v1::DOCUMENT_FORMAT_SVG)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "request.format: ", v1::DocumentFormat_Name(r.format),
        " is not a format of ", v1::DocumentKind_Name(proto.kind()),
        picture ? " (a picture: DOCUMENT_FORMAT_SVG)"
                : " (text, Markdown or HTML)"));
  }
  if (!proto.language().empty()) {
    absl::StatusOr<Language> language = LanguageFromTag(proto.language());
    if (!language.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("request.language: ", language.status().message()));
    }
    r.language = *language;
  }
  if (!proto.as_of().empty()) {
    absl::StatusOr<absl::CivilDay> day =
        ParseCivilDate(proto.as_of(), "request.as_of");
    if (!day.ok()) return day.status();
    r.as_of = *day;
  }
  if (proto.pillar() != v1::PILLAR_UNSPECIFIED) {
    absl::StatusOr<Pillar> pillar = PillarFromProto(proto.pillar());
    if (!pillar.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("request.pillar: ", static_cast<int>(proto.pillar()),
                       " is not a pillar"));
    }
    r.pillar = *pillar;
  }
  return r;
}

std::string Written(const Outline& outline, const Request& r) {
  switch (r.format) {
    case v1::DOCUMENT_FORMAT_MARKDOWN:
      return OutlineMarkdown(outline);
    case v1::DOCUMENT_FORMAT_HTML:
      return OutlineHtml(outline, r.language);
    default:
      return OutlineText(outline);
  }
}

absl::StatusOr<std::string> Report(const Journal& journal, const Request& r) {
  absl::StatusOr<absl::CivilDay> as_of =
      r.as_of ? *r.as_of : DefaultReportDay(journal, r.proto.round_id());
  if (!as_of.ok()) return as_of.status();
  absl::StatusOr<v1::MeetingReport> meeting =
      BuildMeetingReport(journal, r.proto.round_id(), r.language, *as_of);
  if (!meeting.ok()) return meeting.status();
  switch (r.format) {
    case v1::DOCUMENT_FORMAT_MARKDOWN:
      return RenderMeetingMarkdown(*meeting, r.language);
    case v1::DOCUMENT_FORMAT_HTML:
      return RenderMeetingHtml(*meeting, journal, r.language);
    default:
      return absl::StrCat(RenderReportText(meeting->round(), r.language), "\n",
                          RenderVerdictText(meeting->round(), r.language));
  }
}

absl::StatusOr<std::string> Picture(const Journal& journal, const Request& r) {
  if (r.proto.kind() == v1::DOCUMENT_KIND_TREND) {
    return RenderTrendSvg(journal, r.language);
  }
  absl::StatusOr<v1::RoundReport> round =
      r.proto.round_id().empty() ? journal.LatestReport()
                                 : journal.Report(r.proto.round_id());
  if (!round.ok()) return round.status();
  if (r.proto.kind() == v1::DOCUMENT_KIND_STRIPS) {
    return RenderDistributionSvg(*round, r.language);
  }
  const std::optional<v1::RoundReport> previous =
      PreviousRoundReport(journal, round->round_id());
  return RenderRadarSvg(*round, previous ? &*previous : nullptr, r.language);
}

absl::Status CheckOwner(const Journal& journal, const Request& r) {
  if (r.proto.owner_id().empty() ||
      journal.team().FindMember(r.proto.owner_id()) != nullptr) {
    return absl::OkStatus();
  }
  return absl::NotFoundError(absl::StrCat(
      "request.owner_id: \"", r.proto.owner_id(), "\" is not a member"));
}

// The entry of `list` with `id`, or the last one when `id` is empty.
template <typename Message>
absl::StatusOr<const Message*> Find(
    const google::protobuf::RepeatedPtrField<Message>& list,
    absl::string_view id, absl::string_view field, absl::string_view what) {
  if (id.empty()) {
    if (list.empty()) {
      return absl::NotFoundError(
          absl::StrCat(field, ": empty, and the journal has no ", what));
    }
    return &*list.rbegin();
  }
  for (const Message& m : list) {
    if (m.id() == id) return &m;
  }
  return absl::NotFoundError(absl::StrCat(
      field, ": \"", id, "\" is not one of the journal's ", what, "s"));
}

absl::StatusOr<Outline> Screen(const Journal& journal, const Request& r) {
  const v1::DocumentRequest& p = r.proto;
  const Language lang = r.language;
  switch (p.kind()) {
    case v1::DOCUMENT_KIND_FOLLOW_UP: {
      absl::StatusOr<absl::CivilDay> as_of = r.AsOf();
      if (!as_of.ok()) return as_of.status();
      if (absl::Status s = CheckOwner(journal, r); !s.ok()) return s;
      return screens::FollowUpOutline(
          journal.FollowUp(*as_of, p.owner_id(), r.pillar),
          journal.config().due_soon_days, lang);
    }
    case v1::DOCUMENT_KIND_ACTIONS: {
      if (!p.action_id().empty()) {
        absl::StatusOr<const v1::Action*> action =
            Find(journal.proto().actions(), p.action_id(), "request.action_id",
                 "action");
        if (!action.ok()) return action.status();
        Outline line;
        line.Line(0, screens::ActionLine(**action, lang));
        return line;
      }
      if (absl::Status s = CheckOwner(journal, r); !s.ok()) return s;
      return screens::ActionsOutline(journal.Actions(p.owner_id(), r.pillar),
                                     lang);
    }
    case v1::DOCUMENT_KIND_CHECK_DUE: {
      absl::StatusOr<absl::CivilDay> as_of = r.AsOf();
      if (!as_of.ok()) return as_of.status();
      return screens::CheckDueOutline(journal, journal.CheckDue(*as_of), lang);
    }
    case v1::DOCUMENT_KIND_CHECK: {
      absl::StatusOr<const v1::Check*> check = Find(
          journal.proto().checks(), p.check_id(), "request.check_id", "check");
      if (!check.ok()) return check.status();
      return screens::CheckOutline(journal, **check, lang);
    }
    case v1::DOCUMENT_KIND_GUARDIAN: {
      absl::StatusOr<absl::CivilDay> as_of = r.AsOf();
      if (!as_of.ok()) return as_of.status();
      return screens::GuardianOutline(journal, *as_of, lang);
    }
    case v1::DOCUMENT_KIND_PLAN: {
      absl::StatusOr<const v1::Plan*> plan =
          Find(journal.proto().plans(), p.plan_id(), "request.plan_id", "plan");
      if (!plan.ok()) return plan.status();
      return screens::PlanOutline(journal, **plan, lang);
    }
    case v1::DOCUMENT_KIND_CHARTER:
      return screens::CharterOutline(journal, lang);
    case v1::DOCUMENT_KIND_CHARTER_REVIEW: {
      absl::StatusOr<absl::CivilDay> as_of = r.AsOf();
      if (!as_of.ok()) return as_of.status();
      absl::StatusOr<int> stale =
          StaleDaysOrDefault(p.stale_days(), "request.stale_days");
      if (!stale.ok()) return stale.status();
      return screens::CharterReviewOutline(
          journal, ReviewCharter(journal.proto(), *as_of, *stale), lang);
    }
    case v1::DOCUMENT_KIND_SIGNALS:
      return screens::SignalsOutline(lang);
    case v1::DOCUMENT_KIND_MEMBERS:
      return screens::MembersOutline(journal, lang);
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("request.kind: ", static_cast<int>(p.kind()),
                       " is not a document kind"));
  }
}

}  // namespace

absl::StatusOr<std::string> RenderJournalDocument(
    const Journal& journal, const v1::DocumentRequest& request) {
  absl::StatusOr<Request> r = CheckRequest(request);
  if (!r.ok()) return r.status();
  if (request.kind() == v1::DOCUMENT_KIND_REPORT) return Report(journal, *r);
  if (IsPicture(request.kind())) return Picture(journal, *r);
  absl::StatusOr<Outline> outline = Screen(journal, *r);
  if (!outline.ok()) return outline.status();
  return Written(*outline, *r);
}

absl::StatusOr<std::string> RenderCatalogDocument(
    const v1::DocumentRequest& request) {
  absl::StatusOr<Request> r = CheckRequest(request);
  if (!r.ok()) return r.status();
  if (request.kind() != v1::DOCUMENT_KIND_SIGNALS) {
    return absl::InvalidArgumentError(
        absl::StrCat("request.kind: ", v1::DocumentKind_Name(request.kind()),
                     " needs a team's journal"));
  }
  return Written(screens::SignalsOutline(r->language), *r);
}

}  // namespace fives

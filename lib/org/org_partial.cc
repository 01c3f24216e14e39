#include "fives/org_partial.h"

#include <algorithm>
#include <filesystem>
#include <tuple>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/disclosure.h"
#include "fives/journal_io.h"
#include "fives/round.h"
#include "parallel_for.h"

namespace fives {
namespace {

absl::CivilDay Day(const std::string& text) {
  return *ParseCivilDate(text, "");  // dates of a validated journal
}

void FillFollowUp(const Journal& journal, absl::CivilDay as_of,
                  v1::TeamFollowUpPartial& out) {
  const v1::Journal& j = journal.proto();
  const v1::Plan* latest = nullptr;
  for (const v1::Plan& plan : j.plans()) {
    if (Day(plan.created()) > as_of) continue;
    if (latest == nullptr || plan.created() >= latest->created()) {
      latest = &plan;
    }
  }
  if (latest != nullptr) {
    out.set_has_plan(true);
    out.set_focus(latest->focus());
  }
  const v1::FollowUp follow_up = journal.FollowUp(as_of);
  out.set_actions_open(follow_up.open_size());
  out.set_actions_overdue(follow_up.overdue_size());
  out.set_actions_done(follow_up.done());
  out.set_actions_done_on_time(follow_up.done_on_time());
  out.set_actions_dropped(follow_up.dropped());
  out.set_check_overdue(journal.CheckStatus(as_of).state() ==
                        v1::CHECK_STATE_OVERDUE);
  bool rotated = false;
  for (const v1::GuardianTerm& term : j.guardians()) {
    if (term.reason() == v1::GUARDIAN_REASON_ROTATION &&
        Day(term.since()) <= as_of) {
      rotated = true;
    }
  }
  out.set_guardian_rotating(rotated && journal.Guardian(as_of).ok());
  const v1::CharterReview review = ReviewCharter(j, as_of);
  for (const v1::PillarCharterReview& pillar : review.pillars()) {
    out.add_charter_readiness(pillar.readiness());
  }
}

// The latest round closed within the period: by closing date, then order.
const v1::Round* RoundThatCounts(const v1::Journal& j,
                                 const OrgPeriodDays& period) {
  const v1::Round* best = nullptr;
  for (const v1::Round& r : j.rounds()) {
    if (r.state() != v1::ROUND_STATE_CLOSED) continue;
    const absl::CivilDay closed = Day(r.closed_on());
    if (closed < period.from || closed > period.to) continue;
    if (best == nullptr ||
        std::make_tuple(r.closed_on(), r.close_order()) >
            std::make_tuple(best->closed_on(), best->close_order())) {
      best = &r;
    }
  }
  return best;
}

std::string Serialized(const google::protobuf::Message& m) {
  std::string bytes;
  m.SerializeToString(&bytes);
  return bytes;
}

constexpr int kPillars = static_cast<int>(kPillarCount);

// Appends `t` as the next team of the columns of `out`.
void Append(const v1::TeamPartial& t, v1::OrgPartials& out) {
  out.add_team_id(t.team_id());
  out.add_journal(t.journal());
  out.add_team_name(t.team_name());
  out.add_round_id(t.round_id());
  out.add_round_date(t.round_date());
  out.add_closed_on(t.closed_on());
  out.add_mode(t.mode());
  out.add_min_responses(t.privacy().min_responses());
  out.add_min_distribution(t.privacy().min_distribution());
  out.add_members(t.members());
  out.add_respondents(t.respondents());
  for (int p = 0; p < kPillars; ++p) {
    const v1::TeamPillarPartial* pillar =
        p < t.pillars_size() ? &t.pillars(p) : nullptr;
    out.add_pillar_n(pillar ? pillar->n() : 0);
    out.add_team_disclosure(pillar ? pillar->team_disclosure()
                                   : v1::DISCLOSURE_UNSPECIFIED);
    const bool kept = pillar && pillar->counts_size() == kScoreCategories;
    out.add_counts_kept(kept);
    for (int k = 0; k < kScoreCategories; ++k) {
      out.add_counts(kept ? pillar->counts(k) : 0);
    }
  }
  out.add_respondent_id_count(t.respondent_ids_size());
  for (const std::string& id : t.respondent_ids()) out.add_respondent_ids(id);
  const v1::TeamFollowUpPartial& f = t.follow_up();
  out.add_has_plan(f.has_plan());
  out.add_focus(f.focus());
  out.add_actions_open(f.actions_open());
  out.add_actions_overdue(f.actions_overdue());
  out.add_actions_done(f.actions_done());
  out.add_actions_done_on_time(f.actions_done_on_time());
  out.add_actions_dropped(f.actions_dropped());
  out.add_check_overdue(f.check_overdue());
  out.add_guardian_rotating(f.guardian_rotating());
  for (int p = 0; p < kPillars; ++p) {
    out.add_charter_readiness(
        p < f.charter_readiness_size() ? f.charter_readiness(p) : 0.0);
  }
}

// Team `i` of the columns; its respondent ids start at `first_id`.
v1::TeamPartial At(const v1::OrgPartials& c, int i, int first_id) {
  v1::TeamPartial t;
  t.set_team_id(c.team_id(i));
  t.set_journal(c.journal(i));
  t.set_team_name(c.team_name(i));
  t.set_round_id(c.round_id(i));
  t.set_round_date(c.round_date(i));
  t.set_closed_on(c.closed_on(i));
  t.set_mode(c.mode(i));
  if (!c.round_id(i).empty()) {
    t.mutable_privacy()->set_min_responses(c.min_responses(i));
    t.mutable_privacy()->set_min_distribution(c.min_distribution(i));
  }
  t.set_members(c.members(i));
  t.set_respondents(c.respondents(i));
  for (int p = 0; p < kPillars; ++p) {
    v1::TeamPillarPartial* pillar = t.add_pillars();
    const int at = i * kPillars + p;
    pillar->set_pillar(ToProto(kAllPillars[p]));
    pillar->set_n(c.pillar_n(at));
    pillar->set_team_disclosure(c.team_disclosure(at));
    if (c.counts_kept(at)) {
      for (int k = 0; k < kScoreCategories; ++k) {
        pillar->add_counts(c.counts(at * kScoreCategories + k));
      }
    }
  }
  for (int k = 0; k < c.respondent_id_count(i); ++k) {
    t.add_respondent_ids(c.respondent_ids(first_id + k));
  }
  v1::TeamFollowUpPartial* f = t.mutable_follow_up();
  f->set_has_plan(c.has_plan(i));
  f->set_focus(c.focus(i));
  f->set_actions_open(c.actions_open(i));
  f->set_actions_overdue(c.actions_overdue(i));
  f->set_actions_done(c.actions_done(i));
  f->set_actions_done_on_time(c.actions_done_on_time(i));
  f->set_actions_dropped(c.actions_dropped(i));
  f->set_check_overdue(c.check_overdue(i));
  f->set_guardian_rotating(c.guardian_rotating(i));
  for (int p = 0; p < kPillars; ++p) {
    f->add_charter_readiness(c.charter_readiness(i * kPillars + p));
  }
  return t;
}

// Every team of checked columns as a message.
std::vector<v1::TeamPartial> Explode(const v1::OrgPartials& c) {
  std::vector<v1::TeamPartial> teams;
  teams.reserve(c.team_id_size());
  int first_id = 0;
  for (int i = 0; i < c.team_id_size(); ++i) {
    teams.push_back(At(c, i, first_id));
    first_id += c.respondent_id_count(i);
  }
  return teams;
}

// The columns of `teams` in canonical order, with `excluded` sorted.
v1::OrgPartials Implode(std::vector<v1::TeamPartial> teams,
                        const v1::OrgPeriod& period,
                        std::vector<v1::OrgExclusion> excluded) {
  std::vector<std::pair<std::tuple<std::string, std::string, std::string>,
                        const v1::TeamPartial*>>
      keyed;
  keyed.reserve(teams.size());
  for (const v1::TeamPartial& t : teams) {
    keyed.push_back({{t.team_id(), t.journal(), Serialized(t)}, &t});
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  v1::OrgPartials out;
  *out.mutable_period() = period;
  for (const auto& [key, t] : keyed) Append(*t, out);
  std::sort(excluded.begin(), excluded.end(),
            [](const v1::OrgExclusion& a, const v1::OrgExclusion& b) {
              return std::make_tuple(a.journal(), a.team_id(), a.reason()) <
                     std::make_tuple(b.journal(), b.team_id(), b.reason());
            });
  for (v1::OrgExclusion& e : excluded) *out.add_excluded() = std::move(e);
  return out;
}

// The partials read, and an exclusion for each journal that did not load.
v1::OrgPartials Collected(
    const v1::OrgPeriod& period, const std::vector<std::string>& names,
    std::vector<absl::StatusOr<v1::TeamPartial>>& results) {
  std::vector<v1::TeamPartial> teams;
  std::vector<v1::OrgExclusion> excluded;
  for (size_t i = 0; i < names.size(); ++i) {
    if (results[i].ok()) {
      teams.push_back(*std::move(results[i]));
    } else {
      v1::OrgExclusion e;
      e.set_journal(names[i]);
      e.set_reason(std::string(results[i].status().message()));
      excluded.push_back(std::move(e));
    }
  }
  return Implode(std::move(teams), period, std::move(excluded));
}

}  // namespace

absl::StatusOr<OrgPeriodDays> OrgPeriodDays::FromProto(
    const v1::OrgPeriod& period) {
  absl::StatusOr<absl::CivilDay> from =
      ParseCivilDate(period.from(), "period.from");
  if (!from.ok()) return from.status();
  absl::StatusOr<absl::CivilDay> to = ParseCivilDate(period.to(), "period.to");
  if (!to.ok()) return to.status();
  if (*to < *from) {
    return absl::InvalidArgumentError(absl::StrCat(
        "period.to: ", period.to(), " is before period.from ", period.from()));
  }
  return OrgPeriodDays{*from, *to};
}

absl::StatusOr<v1::TeamPartial> TeamPartialOf(const Journal& journal,
                                              const v1::OrgPeriod& period,
                                              absl::string_view journal_name) {
  absl::StatusOr<OrgPeriodDays> days = OrgPeriodDays::FromProto(period);
  if (!days.ok()) return days.status();
  const v1::Journal& j = journal.proto();
  v1::TeamPartial out;
  out.set_team_id(j.team().id());
  out.set_team_name(j.team().name());
  out.set_journal(std::string(journal_name));
  FillFollowUp(journal, days->to, *out.mutable_follow_up());
  const v1::Round* counted = RoundThatCounts(j, *days);
  if (counted == nullptr) return out;
  absl::StatusOr<Round> round = Round::FromProto(*counted);
  if (!round.ok()) return round.status();  // cannot happen: validated
  out.set_round_id(round->id());
  out.set_round_date(counted->date());
  out.set_closed_on(counted->closed_on());
  out.set_mode(counted->mode());
  *out.mutable_privacy() = round->privacy().ToProto();
  out.set_members(counted->has_members()
                      ? counted->members()
                      : journal.team().CountMembersOn(round->date()));
  out.set_respondents(round->respondents());
  const RoundDifferencing differencing = StoredDifferencing(*counted);
  for (Pillar p : kAllPillars) {
    v1::TeamPillarPartial* pillar = out.add_pillars();
    pillar->set_pillar(ToProto(p));
    if (!round->asks(p)) continue;
    const int64_t n = round->ScoreCount(p);
    pillar->set_n(static_cast<int32_t>(n));
    const ScoreHistogram histogram = round->Histogram(p);
    if (n > 0 && histogram.n() == n) {
      for (int64_t c : histogram.counts()) {
        pillar->add_counts(static_cast<int32_t>(c));
      }
    }
    pillar->set_team_disclosure(
        DisclosedStats(*round, p, differencing[PillarIndex(p)]).disclosure());
  }
  std::vector<std::string> ids;
  if (round->is_confidential()) {
    ids.assign(counted->participants().begin(), counted->participants().end());
  } else {
    for (const v1::Response& r : counted->responses()) {
      ids.push_back(r.member_id());
    }
  }
  ids.insert(ids.end(), counted->forgotten_participants().begin(),
             counted->forgotten_participants().end());
  std::sort(ids.begin(), ids.end());
  for (std::string& id : ids) *out.add_respondent_ids() = std::move(id);
  return out;
}

absl::StatusOr<v1::OrgPartials> PartialsOf(
    const std::vector<JournalBytes>& journals, const v1::OrgPeriod& period,
    int threads) {
  if (absl::Status s = OrgPeriodDays::FromProto(period).status(); !s.ok()) {
    return s;
  }
  std::vector<absl::StatusOr<v1::TeamPartial>> results(
      journals.size(), absl::UnknownError("not read"));
  ParallelFor(journals.size(), threads, [&](size_t i) {
    absl::StatusOr<Journal> journal = DecodeJournalFile(journals[i].bytes);
    if (!journal.ok()) {
      results[i] = journal.status();
      return;
    }
    results[i] = TeamPartialOf(*journal, period, journals[i].name);
  });
  std::vector<std::string> names;
  for (const JournalBytes& j : journals) names.push_back(j.name);
  return Collected(period, names, results);
}

absl::StatusOr<v1::OrgPartials> PartialsOfDirectory(
    const std::string& directory, const v1::OrgPeriod& period, int threads) {
  if (absl::Status s = OrgPeriodDays::FromProto(period).status(); !s.ok()) {
    return s;
  }
  std::error_code error;
  std::filesystem::directory_iterator it(directory, error);
  if (error) {
    return absl::NotFoundError(
        absl::StrCat("journals: cannot read the directory ", directory, ": ",
                     error.message()));
  }
  std::vector<std::string> paths;
  for (; it != std::filesystem::directory_iterator(); it.increment(error)) {
    if (error) break;
    const std::filesystem::path& path = it->path();
    if (absl::EndsWith(path.filename().string(), ".journal")) {
      paths.push_back(path.string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<absl::StatusOr<v1::TeamPartial>> results(
      paths.size(), absl::UnknownError("not read"));
  // Partials name a journal by its file name and never by where the host
  // keeps it, so any machine gives the same bytes.
  std::vector<std::string> names;
  for (const std::string& path : paths) {
    names.push_back(std::filesystem::path(path).filename().string());
  }
  ParallelFor(paths.size(), threads, [&](size_t i) {
    FileOps files;
    absl::StatusOr<std::string> bytes = files.ReadFile(paths[i]);
    if (!bytes.ok()) {
      results[i] = absl::Status(
          bytes.status().code(),
          absl::StrCat("cannot be read (",
                       absl::StatusCodeToString(bytes.status().code()), ")"));
      return;
    }
    absl::StatusOr<Journal> journal = DecodeJournalFile(*bytes);
    if (!journal.ok()) {
      results[i] = journal.status();
      return;
    }
    results[i] = TeamPartialOf(*journal, period, names[i]);
  });
  return Collected(period, names, results);
}

absl::Status CheckPartialColumns(const v1::OrgPartials& c) {
  const int teams = c.team_id_size();
  struct Column {
    const char* name;
    int size;
    int per_team;
  };
  const Column columns[] = {
      {"journal", c.journal_size(), 1},
      {"team_name", c.team_name_size(), 1},
      {"round_id", c.round_id_size(), 1},
      {"round_date", c.round_date_size(), 1},
      {"closed_on", c.closed_on_size(), 1},
      {"mode", c.mode_size(), 1},
      {"min_responses", c.min_responses_size(), 1},
      {"min_distribution", c.min_distribution_size(), 1},
      {"members", c.members_size(), 1},
      {"respondents", c.respondents_size(), 1},
      {"pillar_n", c.pillar_n_size(), kPillars},
      {"team_disclosure", c.team_disclosure_size(), kPillars},
      {"counts_kept", c.counts_kept_size(), kPillars},
      {"counts", c.counts_size(), kPillars * kScoreCategories},
      {"respondent_id_count", c.respondent_id_count_size(), 1},
      {"has_plan", c.has_plan_size(), 1},
      {"focus", c.focus_size(), 1},
      {"actions_open", c.actions_open_size(), 1},
      {"actions_overdue", c.actions_overdue_size(), 1},
      {"actions_done", c.actions_done_size(), 1},
      {"actions_done_on_time", c.actions_done_on_time_size(), 1},
      {"actions_dropped", c.actions_dropped_size(), 1},
      {"check_overdue", c.check_overdue_size(), 1},
      {"guardian_rotating", c.guardian_rotating_size(), 1},
      {"charter_readiness", c.charter_readiness_size(), kPillars},
  };
  for (const Column& column : columns) {
    if (column.size != static_cast<int64_t>(teams) * column.per_team) {
      return absl::InvalidArgumentError(absl::StrCat(
          "partials.", column.name, ": ", column.size, " entries for ", teams,
          " teams (", column.per_team, " per team)"));
    }
  }
  int64_t ids = 0;
  for (int32_t n : c.respondent_id_count()) {
    if (n < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("partials.respondent_id_count: ", n, " is negative"));
    }
    ids += n;
  }
  if (ids != c.respondent_ids_size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("partials.respondent_ids: ", c.respondent_ids_size(),
                     " entries, respondent_id_count adds up to ", ids));
  }
  return absl::OkStatus();
}

v1::TeamPartial TeamPartialAt(const v1::OrgPartials& partials, int i) {
  int first_id = 0;
  for (int k = 0; k < i; ++k) first_id += partials.respondent_id_count(k);
  return At(partials, i, first_id);
}

v1::OrgPartials PartialsFromTeams(std::vector<v1::TeamPartial> teams,
                                  const v1::OrgPeriod& period) {
  return Implode(std::move(teams), period, {});
}

absl::StatusOr<v1::OrgPartials> FoldPartials(const v1::OrgPartials& a,
                                             const v1::OrgPartials& b) {
  if (a.period().from() != b.period().from() ||
      a.period().to() != b.period().to()) {
    return absl::InvalidArgumentError(
        absl::StrCat("period: partials of ", a.period().from(), "..",
                     a.period().to(), " and of ", b.period().from(), "..",
                     b.period().to(), " do not fold together"));
  }
  for (const v1::OrgPartials* set : {&a, &b}) {
    if (absl::Status s = CheckPartialColumns(*set); !s.ok()) return s;
  }
  std::vector<v1::TeamPartial> teams = Explode(a);
  for (v1::TeamPartial& t : Explode(b)) teams.push_back(std::move(t));
  std::vector<v1::OrgExclusion> excluded(a.excluded().begin(),
                                         a.excluded().end());
  excluded.insert(excluded.end(), b.excluded().begin(), b.excluded().end());
  return Implode(std::move(teams), a.period(), std::move(excluded));
}

}  // namespace fives

#include "fives/org_partial.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>
#include <tuple>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/disclosure.h"
#include "fives/journal_io.h"
#include "fives/round.h"

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

// Runs `work(i)` for i in [0, count) on up to `threads` threads.
template <typename Work>
void ParallelFor(size_t count, int threads, Work work) {
  size_t workers = threads > 0
                       ? static_cast<size_t>(threads)
                       : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min(workers, count);
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++) work(i);
    });
  }
  for (std::thread& t : pool) t.join();
}

// Sorts teams and exclusions into their canonical order.
void Canonicalize(v1::OrgPartials& partials) {
  auto* teams = partials.mutable_teams();
  std::vector<std::pair<std::tuple<std::string, std::string, std::string>,
                        v1::TeamPartial>>
      keyed;
  keyed.reserve(teams->size());
  for (v1::TeamPartial& t : *teams) {
    keyed.push_back({{t.team_id(), t.journal(), Serialized(t)}, std::move(t)});
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  teams->Clear();
  for (auto& [key, t] : keyed) *teams->Add() = std::move(t);
  auto* excluded = partials.mutable_excluded();
  std::sort(excluded->begin(), excluded->end(),
            [](const v1::OrgExclusion& a, const v1::OrgExclusion& b) {
              return std::make_tuple(a.journal(), a.team_id(), a.reason()) <
                     std::make_tuple(b.journal(), b.team_id(), b.reason());
            });
}

// The partials read, and an exclusion for each journal that did not load.
v1::OrgPartials Collected(
    const v1::OrgPeriod& period, const std::vector<std::string>& names,
    std::vector<absl::StatusOr<v1::TeamPartial>>& results) {
  v1::OrgPartials out;
  *out.mutable_period() = period;
  for (size_t i = 0; i < names.size(); ++i) {
    if (results[i].ok()) {
      *out.add_teams() = *std::move(results[i]);
    } else {
      v1::OrgExclusion* e = out.add_excluded();
      e->set_journal(names[i]);
      e->set_reason(std::string(results[i].status().message()));
    }
  }
  Canonicalize(out);
  return out;
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
  for (std::string& id : ids) out.add_respondent_ids(std::move(id));
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
  ParallelFor(paths.size(), threads, [&](size_t i) {
    absl::StatusOr<Journal> journal = LoadJournalFile(paths[i]);
    if (!journal.ok()) {
      results[i] = journal.status();
      return;
    }
    results[i] = TeamPartialOf(
        *journal, period, std::filesystem::path(paths[i]).filename().string());
  });
  std::vector<std::string> names;
  for (const std::string& path : paths) {
    names.push_back(std::filesystem::path(path).filename().string());
  }
  return Collected(period, names, results);
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
  v1::OrgPartials out = a;
  for (const v1::TeamPartial& t : b.teams()) *out.add_teams() = t;
  for (const v1::OrgExclusion& e : b.excluded()) *out.add_excluded() = e;
  Canonicalize(out);
  return out;
}

}  // namespace fives

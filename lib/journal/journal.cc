#include "fives/journal.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/disclosure.h"
#include "fives/error_detail.h"
#include "fives/limits.h"
#include "fives/round_report.h"
#include "fives/trend.h"
#include "hash_table.h"
#include "journal_internal.h"

namespace fives {

using journal_internal::FindRound;
using journal_internal::LoadRound;
using journal_internal::NextCurrentMember;
using journal_internal::StoredDay;
using journal_internal::TermOn;

absl::StatusOr<Journal> Journal::Create(absl::string_view team_id,
                                        absl::string_view team_name,
                                        const v1::TeamConfig& config) {
  absl::StatusOr<Team> team = Team::Create(team_id, team_name);
  if (!team.ok()) return team.status();
  absl::StatusOr<TeamConfig> resolved = TeamConfig::FromProto(config);
  if (!resolved.ok()) return resolved.status();
  v1::Journal proto;
  *proto.mutable_team() = team->proto();
  *proto.mutable_config() = config;
  return Journal(std::move(proto), *std::move(resolved));
}

namespace {

// Unlinks what still singles out the forgotten member `id` (already a
// pseudonym): the member counts of every round are kept first, then the
// member loses their dates and moves after every other member, and their
// scores in open rounds join the round's unlinked counts.
void Unlink(v1::Journal& j, const std::string& id) {
  // Counted on the dates still there, forgotten or not.
  v1::Team dated = j.team();
  for (v1::Member& m : *dated.mutable_members()) {
    if (!m.joined().empty()) m.set_forgotten(false);
  }
  if (absl::StatusOr<Team> team = Team::FromProto(dated); team.ok()) {
    for (v1::Round& r : *j.mutable_rounds()) {
      if (r.has_members()) continue;
      absl::StatusOr<absl::CivilDay> day = ParseCivilDate(r.date(), "");
      if (day.ok()) r.set_members(team->CountMembersOn(*day));
    }
  }
  auto* members = j.mutable_team()->mutable_members();
  for (int i = 0; i < members->size(); ++i) {
    if (members->Get(i).id() != id) continue;
    v1::Member& m = *members->Mutable(i);
    m.clear_joined();
    m.clear_left();
    for (int k = i; k + 1 < members->size(); ++k) {
      members->SwapElements(k, k + 1);
    }
    break;
  }
  for (v1::Round& r : *j.mutable_rounds()) {
    auto* responses = r.mutable_responses();
    for (int k = 0; k < responses->size(); ++k) {
      if (responses->Get(k).member_id() != id) continue;
      if (r.forgotten_scores_size() == 0) {
        for (Pillar p : kAllPillars) {
          const bool asked = r.pillars().empty() ||
                             std::find(r.pillars().begin(), r.pillars().end(),
                                       ToProto(p)) != r.pillars().end();
          if (!asked) continue;
          v1::PillarTally* t = r.add_forgotten_scores();
          t->set_pillar(ToProto(p));
          for (int c = 0; c < kScoreCategories; ++c) t->add_histogram(0);
        }
      }
      for (const v1::PillarScore& s : responses->Get(k).scores()) {
        for (v1::PillarTally& t : *r.mutable_forgotten_scores()) {
          if (t.pillar() != s.pillar() || !IsValidScore(s.score())) continue;
          const int c = s.score() - kMinScore;
          t.set_histogram(c, t.histogram(c) + 1);
        }
      }
      auto* pseudonyms = r.mutable_forgotten_participants();
      pseudonyms->Add()->assign(id.data(), id.size());
      std::sort(pseudonyms->begin(), pseudonyms->end());
      responses->DeleteSubrange(k, 1);
      break;
    }
  }
}

// Brings a journal written by an earlier version of fives up to the rules of
// this one, where that only removes data: forgotten members lose what still
// singled them out, and closed confidential rounds drop the counts of
// pillars below min_responses.
void Migrate(v1::Journal& j) {
  std::vector<std::string> forgotten;
  for (const v1::Member& m : j.team().members()) {
    if (m.forgotten() && !m.joined().empty()) forgotten.push_back(m.id());
  }
  // Rounds closed before close_order was kept: ordered by close date, then
  // place, after the others, and judged for differencing in that order.
  std::vector<int> unordered;
  int32_t order = 0;
  for (int i = 0; i < j.rounds_size(); ++i) {
    const v1::Round& r = j.rounds(i);
    order = std::max(order, r.close_order());
    if (r.state() == v1::ROUND_STATE_CLOSED && r.close_order() == 0) {
      unordered.push_back(i);
    }
  }
  std::stable_sort(unordered.begin(), unordered.end(), [&](int a, int b) {
    return j.rounds(a).closed_on() < j.rounds(b).closed_on();
  });
  for (int i : unordered) {
    v1::Round& r = *j.mutable_rounds(i);
    r.set_close_order(++order);
    StoreDifferencing(JudgeDifferencing(j, r.id()), r);
  }
  for (const std::string& id : forgotten) Unlink(j, id);
  for (v1::Round& r : *j.mutable_rounds()) {
    if (r.mode() != v1::ROUND_MODE_CONFIDENTIAL ||
        r.state() != v1::ROUND_STATE_CLOSED) {
      continue;
    }
    absl::StatusOr<PrivacyThresholds> privacy =
        PrivacyThresholds::FromProto(r.thresholds());
    if (!privacy.ok()) continue;  // refused by Validate
    for (v1::PillarTally& t : *r.mutable_tallies()) {
      if (t.histogram_size() == 0) continue;
      const int64_t n = Round::TallyCount(t);
      if (n >= privacy->min_responses || n < 0) continue;
      t.clear_histogram();
      t.set_n(static_cast<int32_t>(n));
    }
  }
}

}  // namespace

absl::StatusOr<Journal> Journal::FromProto(v1::Journal proto) {
  Migrate(proto);
  if (absl::Status s = Validate(proto); !s.ok()) return s;
  TeamConfig config = *TeamConfig::FromProto(proto.config());
  return Journal(std::move(proto), std::move(config));
}

Team Journal::team() const { return *Team::FromProto(proto_.team()); }

absl::Status Journal::AddMember(absl::string_view id,
                                absl::string_view display_name,
                                absl::CivilDay joined) {
  if (absl::Status s = CheckLimit(
          Limit::kMembers, proto_.team().members_size() + 1, "team.members");
      !s.ok()) {
    return s;
  }
  Team t = team();
  if (absl::Status s = t.AddMember(id, display_name, joined); !s.ok()) return s;
  *proto_.mutable_team() = t.proto();
  return absl::OkStatus();
}

absl::Status Journal::RecordLeave(absl::string_view id, absl::CivilDay left) {
  // The member's recorded part must lie before the leave.
  for (const v1::Check& c : proto_.checks()) {
    if (c.facilitator_id() == id && StoredDay(c.date()) >= left) {
      return WithDetail(
          absl::FailedPreconditionError(
              absl::StrCat("left: \"", id, "\" led check \"", c.id(), "\" on ",
                           c.date(), ", not before ", FormatCivilDate(left))),
          v1::ERROR_CODE_MEMBER_LEAVE_AFTER_CHECK,
          {std::string(id), c.id(), c.date(), FormatCivilDate(left)});
    }
  }
  for (const v1::Round& r : proto_.rounds()) {
    if (StoredDay(r.date()) < left) continue;
    // An open round keeps responses, a confidential one participants.
    bool answered = false;
    for (const v1::Response& response : r.responses()) {
      answered |= response.member_id() == id;
    }
    for (const std::string& p : r.participants()) answered |= p == id;
    if (answered) {
      return WithDetail(
          absl::FailedPreconditionError(absl::StrCat(
              "left: \"", id, "\" answered round \"", r.id(), "\" of ",
              r.date(), ", not before ", FormatCivilDate(left))),
          v1::ERROR_CODE_MEMBER_LEAVE_AFTER_ROUND,
          {std::string(id), r.id(), r.date(), FormatCivilDate(left)});
    }
  }
  Team t = team();
  if (absl::Status s = t.RecordLeave(id, left); !s.ok()) return s;
  // A guardian who leaves hands the role over to the next current member.
  std::optional<v1::GuardianTerm> handover;
  if (proto_.guardians_size() > 0) {
    const v1::GuardianTerm& last = *proto_.guardians().rbegin();
    if (last.member_id() == id) {
      if (StoredDay(last.since()) > left) {
        return WithDetail(
            absl::FailedPreconditionError(
                absl::StrCat("left: \"", id, "\" became process guardian on ",
                             last.since(), ", after ", FormatCivilDate(left))),
            v1::ERROR_CODE_MEMBER_LEAVE_AFTER_GUARDIAN,
            {std::string(id), last.since(), FormatCivilDate(left)});
      }
      handover.emplace();
      handover->set_member_id(NextCurrentMember(t.proto(), id, left));
      handover->set_since(FormatCivilDate(left));
      handover->set_reason(v1::GUARDIAN_REASON_HANDOVER);
      if (handover->member_id().empty()) handover.reset();  // nobody is left
    }
  }
  *proto_.mutable_team() = t.proto();
  if (handover) *proto_.add_guardians() = *std::move(handover);
  return absl::OkStatus();
}

absl::Status Journal::ForgetMember(absl::string_view id) {
  const Team current = team();
  const v1::Member* member = current.FindMember(id);
  if (member == nullptr) {
    return WithDetail(absl::NotFoundError(absl::StrCat(
                          "member_id: \"", id, "\" is not in team \"",
                          proto_.team().id(), "\"")),
                      v1::ERROR_CODE_MEMBER_UNKNOWN,
                      {std::string(id), proto_.team().id()});
  }
  if (member->forgotten()) {
    return WithDetail(absl::FailedPreconditionError(absl::StrCat(
                          "member_id: \"", id, "\" is already forgotten")),
                      v1::ERROR_CODE_MEMBER_FORGOTTEN, {std::string(id)});
  }
  // Work on a copy and swap it in at the end: nothing half-applied.
  v1::Journal j = proto_;
  internal::HashSet<std::string> used;
  for (const v1::Member& m : j.team().members()) used.insert(m.id());
  std::string pseudonym;
  int32_t counter = j.next_forgotten();
  do {
    pseudonym = journal_internal::NextId("forgotten-", &counter);
  } while (used.contains(pseudonym));
  j.set_next_forgotten(counter);
  const std::string old_id(id);
  auto replace = [&](std::string* field) {
    if (*field == old_id) *field = pseudonym;
  };
  for (v1::Member& m : *j.mutable_team()->mutable_members()) {
    if (m.id() != old_id) continue;
    m.set_id(pseudonym);
    m.set_display_name(pseudonym);
    m.set_forgotten(true);
  }
  for (v1::Round& r : *j.mutable_rounds()) {
    for (v1::Response& response : *r.mutable_responses()) {
      replace(response.mutable_member_id());
    }
    // Confidential rounds keep the pseudonym among the participants (no
    // score is linked to it) so that differencing protection, judged on
    // who answered, decides as before.
    for (std::string& p : *r.mutable_participants()) replace(&p);
    std::sort(r.mutable_participants()->begin(),
              r.mutable_participants()->end());
  }
  for (v1::Action& a : *j.mutable_actions()) {
    replace(a.mutable_owner_id());
    for (v1::Feedback& f : *a.mutable_feedback()) {
      if (f.author_id() != old_id) continue;
      f.set_author_id(pseudonym);
      f.clear_text();
    }
  }
  for (v1::Check& c : *j.mutable_checks()) replace(c.mutable_facilitator_id());
  // The charter names members as owners, style holders and speakers.
  v1::Charter& charter = *j.mutable_charter();
  for (v1::PreferenceStyle& p : *charter.mutable_synergy()->mutable_styles()) {
    replace(p.mutable_member_id());
  }
  v1::StructureCharter& structure = *charter.mutable_structure();
  for (v1::DecisionRule& r : *structure.mutable_decision_register()) {
    replace(r.mutable_owner_id());
  }
  for (v1::DecisionRecord& r : *structure.mutable_decision_log()) {
    replace(r.mutable_owner_id());
  }
  for (v1::DecisionRule& r : *structure.mutable_topic_owners()) {
    replace(r.mutable_owner_id());
  }
  v1::SteeringCharter& steering = *charter.mutable_steering();
  for (v1::Kpi& k : *steering.mutable_kpis()) replace(k.mutable_owner_id());
  for (v1::CommunicationRule& c : *steering.mutable_communication()) {
    replace(c.mutable_who_id());
  }
  for (v1::Risk& r : *steering.mutable_risks()) replace(r.mutable_owner_id());
  if (!proto_.has_charter()) j.clear_charter();  // no empty charter added
  for (v1::GuardianTerm& g : *j.mutable_guardians()) {
    replace(g.mutable_member_id());
  }
  Unlink(j, pseudonym);
  proto_ = std::move(j);
  return absl::OkStatus();
}

RoundOptions Journal::NewRoundOptions(absl::string_view id, absl::CivilDay date,
                                      v1::RoundMode mode) const {
  RoundOptions o;
  o.id = std::string(id);
  o.date = date;
  o.mode = mode;
  o.privacy = config_.privacy;
  o.agreement = config_.agreement;
  return o;
}

absl::Status Journal::StartRound(const RoundOptions& options) {
  if (absl::Status s =
          CheckLimit(Limit::kRounds, proto_.rounds_size() + 1, "rounds");
      !s.ok()) {
    return s;
  }
  if (FindRound(proto_, options.id) != nullptr) {
    return WithDetail(
        absl::AlreadyExistsError(absl::StrCat("round.id: \"", options.id,
                                              "\" is already in the journal")),
        v1::ERROR_CODE_ROUND_EXISTS, {options.id});
  }
  absl::StatusOr<Round> round = Round::Create(options);
  if (!round.ok()) return round.status();
  // Whoever starts a round cannot tune it to show more than the team's
  // configuration allows.
  if (!options.privacy.AtLeastAsStrictAs(config_.privacy)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "round.thresholds: min_responses ", options.privacy.min_responses,
        " and min_distribution ", options.privacy.min_distribution,
        " are looser than the team's (", config_.privacy.min_responses, ", ",
        config_.privacy.min_distribution, "); a round may only be stricter"));
  }
  if (options.agreement != config_.agreement) {
    return absl::InvalidArgumentError(
        "round.agreement: the thresholds that shape the labels are the "
        "team's configuration (config.agreement); a round cannot set its own");
  }
  *proto_.add_rounds() = round->proto();
  return absl::OkStatus();
}

namespace {

// A round's statistics for one pillar as its readers may see them, and its
// full counts.
struct PillarFigures {
  v1::PillarStats disclosed;
  ScoreHistogram counts;
};

PillarFigures FiguresOf(const Round& round, Pillar p) {
  PillarFigures f;
  f.counts = round.Histogram(p);
  f.disclosed = DisclosedStats(
      round, p, StoredDifferencing(round.proto())[PillarIndex(p)]);
  return f;
}

using RoundIndexes = internal::HashMap<absl::string_view, int>;

// Each round's index by its id.
RoundIndexes IndexRounds(const v1::Journal& j) {
  RoundIndexes out;
  out.reserve(j.rounds_size());
  for (int i = 0; i < j.rounds_size(); ++i) out.emplace(j.rounds(i).id(), i);
  return out;
}

}  // namespace

absl::Status Journal::AddResponse(absl::string_view round_id,
                                  const v1::Response& response) {
  absl::StatusOr<Round> round = LoadRound(proto_, round_id);
  if (!round.ok()) return round.status();
  if (absl::Status s = round->AddResponse(team(), response); !s.ok()) return s;
  *FindRound(proto_, round_id) = round->proto();
  return absl::OkStatus();
}

absl::Status Journal::CloseRound(absl::string_view round_id,
                                 absl::CivilDay on) {
  absl::StatusOr<Round> round = LoadRound(proto_, round_id);
  if (!round.ok()) return round.status();
  if (absl::Status s = round->Close(on); !s.ok()) return s;
  int32_t order = 0;
  for (const v1::Round& r : proto_.rounds()) {
    order = std::max(order, r.close_order());
  }
  v1::Round* stored = FindRound(proto_, round_id);
  *stored = round->proto();
  stored->set_close_order(order + 1);
  // Differencing protection, decided once: a report never changes later.
  StoreDifferencing(JudgeDifferencing(proto_, round_id), *stored);
  return absl::OkStatus();
}

absl::StatusOr<v1::RoundReport> Journal::Report(
    absl::string_view round_id) const {
  const RoundIndexes indexes = IndexRounds(proto_);
  auto index = indexes.find(round_id);
  if (index == indexes.end()) {
    return WithDetail(
        absl::NotFoundError(absl::StrCat("round_id: no round \"", round_id,
                                         "\" in the journal")),
        v1::ERROR_CODE_ROUND_UNKNOWN, {std::string(round_id)});
  }
  // The closed loop: the latest plan made on an earlier round.
  const v1::Plan* plan = nullptr;
  int plan_round = -1;
  for (const v1::Plan& p : proto_.plans()) {
    auto r = indexes.find(p.round_id());
    if (r != indexes.end() && r->second < index->second) {
      plan = &p;
      plan_round = r->second;
    }
  }
  return ReportAt(team(), index->second, plan, plan_round);
}

absl::StatusOr<std::vector<v1::RoundReport>> Journal::ClosedRoundReports()
    const {
  const RoundIndexes indexes = IndexRounds(proto_);
  // For each round, the latest plan (in journal order) on an earlier
  // round: the last plan on each round, then a running maximum.
  std::vector<int> last_plan_on(proto_.rounds_size(), -1);
  for (int k = 0; k < proto_.plans_size(); ++k) {
    auto r = indexes.find(proto_.plans(k).round_id());
    if (r != indexes.end()) last_plan_on[r->second] = k;
  }
  const Team t = team();
  std::vector<v1::RoundReport> reports;
  int latest = -1;  // the latest plan on rounds before i
  for (int i = 0; i < proto_.rounds_size(); ++i) {
    if (proto_.rounds(i).state() == v1::ROUND_STATE_CLOSED) {
      const v1::Plan* plan = latest < 0 ? nullptr : &proto_.plans(latest);
      absl::StatusOr<v1::RoundReport> report = ReportAt(
          t, i, plan, plan == nullptr ? -1 : indexes.at(plan->round_id()));
      if (!report.ok()) return report.status();
      reports.push_back(*std::move(report));
    }
    latest = std::max(latest, last_plan_on[i]);
  }
  return reports;
}

absl::StatusOr<v1::RoundReport> Journal::ReportAt(const Team& team, int index,
                                                  const v1::Plan* plan,
                                                  int plan_round) const {
  absl::StatusOr<Round> round = Round::FromProto(proto_.rounds(index));
  if (!round.ok()) return round.status();
  const std::string& round_id = proto_.rounds(index).id();
  ReportOptions options;
  options.focus = config_.focus;
  options.differencing = StoredDifferencing(round->proto());
  absl::StatusOr<v1::RoundReport> report =
      BuildRoundReport(team, *round, options);
  if (!report.ok()) return report;

  if (plan != nullptr) {
    const Pillar focus = *PillarFromProto(plan->focus());
    if (round->asks(focus)) {
      const Round before = *Round::FromProto(proto_.rounds(plan_round));
      const PillarFigures a = FiguresOf(before, focus);
      const PillarFigures b = FiguresOf(*round, focus);
      absl::StatusOr<v1::PillarTrend> trend =
          ComparePillar(focus, a.disclosed, a.counts, b.disclosed, b.counts,
                        config_.trend_alpha);
      if (!trend.ok()) return trend.status();
      trend->set_before_round_id(plan->round_id());
      trend->set_after_round_id(round_id);
      report->set_plan_id(plan->id());
      *report->mutable_focus_trend() = *std::move(trend);
    }
  }

  // The charter next to the scores: as of the day the round closed (its
  // figures final), or of the round's date while it is open.
  if (proto_.has_charter()) {
    const v1::Round& stored = round->proto();
    absl::StatusOr<absl::CivilDay> as_of =
        ParseCivilDate(stored.closed_on(), "closed_on");
    if (!round->is_closed() || !as_of.ok()) {
      as_of = ParseCivilDate(stored.date(), "date");
    }
    if (as_of.ok()) *report->mutable_charter() = ReviewCharter(proto_, *as_of);
  }
  return report;
}

absl::StatusOr<v1::RoundReport> Journal::LatestReport() const {
  for (int i = proto_.rounds_size() - 1; i >= 0; --i) {
    if (proto_.rounds(i).state() == v1::ROUND_STATE_CLOSED) {
      return Report(proto_.rounds(i).id());
    }
  }
  return WithDetail(
      absl::NotFoundError("journal: no closed round to report on"),
      v1::ERROR_CODE_NO_CLOSED_ROUND, {});
}

absl::StatusOr<v1::RoundComparison> Journal::CompareRounds(
    absl::string_view before_id, absl::string_view after_id) const {
  absl::StatusOr<Round> before = LoadRound(proto_, before_id, "before");
  if (!before.ok()) return before.status();
  absl::StatusOr<Round> after = LoadRound(proto_, after_id, "after");
  if (!after.ok()) return after.status();
  for (const Round* r : {&*before, &*after}) {
    if (!r->is_closed()) {
      return WithDetail(
          absl::FailedPreconditionError(absl::StrCat(
              "round \"", r->id(), "\": compare closed rounds only")),
          v1::ERROR_CODE_COMPARE_OPEN_ROUND, {r->id()});
    }
  }
  v1::RoundComparison comparison;
  comparison.set_before_round_id(std::string(before_id));
  comparison.set_after_round_id(std::string(after_id));
  for (Pillar p : kAllPillars) {
    if (!before->asks(p) || !after->asks(p)) continue;
    const PillarFigures a = FiguresOf(*before, p);
    const PillarFigures b = FiguresOf(*after, p);
    absl::StatusOr<v1::PillarTrend> trend = ComparePillar(
        p, a.disclosed, a.counts, b.disclosed, b.counts, config_.trend_alpha);
    if (!trend.ok()) return trend.status();
    trend->set_before_round_id(std::string(before_id));
    trend->set_after_round_id(std::string(after_id));
    *comparison.add_pillars() = *std::move(trend);
  }
  return comparison;
}

}  // namespace fives

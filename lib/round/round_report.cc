#include "fives/round_report.h"

#include "absl/strings/str_cat.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "hash_table.h"

namespace fives {

absl::StatusOr<v1::RoundReport> BuildRoundReport(const Team& team,
                                                 const Round& round,
                                                 const ReportOptions& options) {
  if (round.is_confidential() && !round.is_closed()) {
    return WithDetail(
        absl::FailedPreconditionError(absl::StrCat(
            "round \"", round.id(),
            "\": a confidential round is reported only once it is closed")),
        v1::ERROR_CODE_ROUND_CONFIDENTIAL_OPEN, {round.id()});
  }
  v1::RoundReport report;
  report.set_team_id(team.id());
  report.set_team_name(team.name());
  report.set_round_id(round.id());
  report.set_round_date(round.proto().date());
  report.set_mode(round.proto().mode());
  report.set_state(round.proto().state());
  report.set_respondents(round.respondents());
  report.set_members(round.proto().has_members()
                         ? round.proto().members()
                         : team.CountMembersOn(round.date()));
  *report.mutable_thresholds() = round.privacy().ToProto();
  *report.mutable_agreement() = round.agreement().ToProto();
  // Display names by member id, looked up once per response and pillar.
  internal::HashMap<absl::string_view, const v1::Member*> members;
  if (!round.is_confidential()) {
    members.reserve(team.proto().members_size());
    for (const v1::Member& m : team.proto().members())
      members.emplace(m.id(), &m);
  }
  for (Pillar p : round.pillars()) {
    v1::PillarStats* out = report.add_pillars();
    *out = DisclosedStats(round, p, options.differencing[PillarIndex(p)]);
    if (!round.is_confidential()) {
      for (const v1::Response& r : round.proto().responses()) {
        for (const v1::PillarScore& s : r.scores()) {
          if (s.pillar() != ToProto(p)) continue;
          v1::MemberScore* m = out->add_scores();
          m->set_member_id(r.member_id());
          m->set_score(s.score());
          if (auto member = members.find(r.member_id());
              member != members.end()) {
            m->set_display_name(member->second->display_name());
          }
        }
      }
    }
  }
  absl::StatusOr<std::vector<v1::FocusCandidate>> ranking =
      RankFocus(report.pillars(), options.focus);
  if (!ranking.ok()) return ranking.status();
  report.set_rule(options.focus.rule);
  for (v1::FocusCandidate& c : *ranking) *report.add_ranking() = std::move(c);
  if (report.ranking_size() > 0 &&
      report.ranking(0).reason() != v1::FOCUS_REASON_NOT_ENOUGH_DATA) {
    report.set_focus(report.ranking(0).pillar());
  }
  return report;
}

}  // namespace fives

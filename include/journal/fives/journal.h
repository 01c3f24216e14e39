/// @file
/// A team's journal: its members, configuration, rounds, plans, actions,
/// checks and process guardians, in one protobuf message (fives.v1.Journal).
/// Every operation validates first and applies only when everything is valid:
/// a refused call leaves the journal as it was.
#ifndef FIVES_JOURNAL_H_
#define FIVES_JOURNAL_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "fives/pillar.h"
#include "fives/round.h"
#include "fives/team.h"
#include "fives/team_config.h"
#include "fives/v1/charter.pb.h"
#include "fives/v1/check.pb.h"
#include "fives/v1/follow_up.pb.h"
#include "fives/v1/journal.pb.h"
#include "fives/v1/report.pb.h"
#include "fives/v1/trend.pb.h"

namespace fives {

/// An action to create, in a plan or from a check's agreement.
struct ActionInput {
  std::string title;
  /// What anyone can see when it is done.
  std::string visible_result;
  /// A current member.
  std::string owner_id;
  /// Default: the creation date plus the team's action window (30 days).
  std::optional<absl::CivilDay> due;
  /// Default: the plan's focus pillar. Required for a check's agreement.
  std::optional<Pillar> pillar;
};

struct PlanInput {
  /// A closed round of the journal.
  std::string round_id;
  absl::CivilDay created;
  /// Default: the focus the round's report names.
  std::optional<Pillar> focus;
  /// Exactly TeamConfig::actions_per_plan (default 2).
  std::vector<ActionInput> actions;
  std::string note;
};

/// An agreement of a check that becomes an action.
struct AgreementAction {
  /// Index into CheckInput::agreements.
  int agreement = 0;
  ActionInput action;
};

struct CheckInput {
  absl::CivilDay date;
  /// Default (empty): the current process guardian, who must lead the check.
  std::string facilitator_id;
  std::vector<std::string> helps, chafes, hinders, agreements;
  /// One review for every action open on `date` (see v1::ActionReview).
  std::vector<v1::ActionReview> reviews;
  std::vector<AgreementAction> agreement_actions;
  /// The catalog's warning signals the team ticks (check_id left empty),
  /// each by its `number` counted from 1 (see TickSignals).
  std::vector<v1::SignalTick> signals;
};

/// Thread safety: one thread at a time; const methods may run concurrently.
class Journal {
 public:
  /// A new journal for a team without members.
  static absl::StatusOr<Journal> Create(absl::string_view team_id,
                                        absl::string_view team_name,
                                        const v1::TeamConfig& config = {});
  /// A journal from a stored message, after Validate.
  static absl::StatusOr<Journal> FromProto(v1::Journal proto);
  /// Checks every part and every reference of a stored journal (without
  /// copying it); the error names the field and value.
  static absl::Status Validate(const v1::Journal& proto);

  const v1::Journal& proto() const { return proto_; }
  const TeamConfig& config() const { return config_; }
  /// The team (a copy).
  Team team() const;

  // --- Members --------------------------------------------------------------
  absl::Status AddMember(absl::string_view id, absl::string_view display_name,
                         absl::CivilDay joined);
  /// The member leaves on `left`; history is kept. A process guardian who
  /// leaves hands the role to the next current member. Refused when the
  /// member answered a round dated on or after `left`, or led a check then.
  absl::Status RecordLeave(absl::string_view id, absl::CivilDay left);
  /// The right to erasure: the member's id and name become a pseudonym
  /// everywhere ("forgotten-N"), their feedback texts are removed, and no
  /// response, action, check or guardian term refers to them any more.
  absl::Status ForgetMember(absl::string_view id);

  // --- Rounds ---------------------------------------------------------------
  /// Round options with the team's default thresholds.
  RoundOptions NewRoundOptions(absl::string_view id, absl::CivilDay date,
                               v1::RoundMode mode) const;
  /// Starts a round; its id must be new in the journal.
  absl::Status StartRound(const RoundOptions& options);
  absl::Status AddResponse(absl::string_view round_id,
                           const v1::Response& response);
  absl::Status CloseRound(absl::string_view round_id, absl::CivilDay on);
  /// The round's report with the team's focus rule, plus the closed loop: the
  /// verdict on the focus pillar of the latest plan made on an earlier round.
  /// Figures only, as BuildRoundReport: no language and no suggestions (the
  /// report layer adds them, AddSuggestions).
  absl::StatusOr<v1::RoundReport> Report(absl::string_view round_id) const;
  /// The report of every closed round in journal order, each as Report
  /// gives it, made in one pass (the trend over every round).
  absl::StatusOr<std::vector<v1::RoundReport>> ClosedRoundReports() const;
  /// The report of the latest closed round, as Report gives it (NotFound
  /// when there is none).
  absl::StatusOr<v1::RoundReport> LatestReport() const;
  /// Every pillar asked in both rounds, compared (both must be closed).
  absl::StatusOr<v1::RoundComparison> CompareRounds(
      absl::string_view before_id, absl::string_view after_id) const;

  // --- Plans and actions ----------------------------------------------------
  /// Makes a plan on a closed round; its actions start PROPOSED. Returns the
  /// plan's id. Refused for a round that is not closed or already has a
  /// plan, a wrong number of actions, an owner who is not a current member,
  /// an empty title or visible result, or a due date before the creation or
  /// past the window (unless the team allows late due dates).
  absl::StatusOr<std::string> CreatePlan(const PlanInput& input);
  /// PROPOSED -> OPEN.
  absl::Status OpenAction(absl::string_view action_id, absl::CivilDay on);
  /// OPEN -> DONE.
  absl::Status CompleteAction(absl::string_view action_id, absl::CivilDay on);
  /// OPEN -> DROPPED, with a non-empty reason.
  absl::Status DropAction(absl::string_view action_id, absl::CivilDay on,
                          absl::string_view reason);
  /// Appends feedback by a current member; progress, if given, is 0..100.
  absl::Status AddFeedback(absl::string_view action_id, absl::CivilDay on,
                           absl::string_view author_id, absl::string_view text,
                           std::optional<int> progress = std::nullopt);
  /// Every action as it stands, in journal order, optionally of one owner
  /// and/or pillar.
  std::vector<const v1::Action*> Actions(
      absl::string_view owner_id = "",
      std::optional<Pillar> pillar = std::nullopt) const;
  /// The follow-up lists as of `as_of`, optionally for one owner and/or pillar.
  v1::FollowUp FollowUp(absl::CivilDay as_of, absl::string_view owner_id = "",
                        std::optional<Pillar> pillar = std::nullopt) const;

  // --- The check and the guardian ------------------------------------------
  /// Whether the next collaboration check is due as of `as_of`.
  v1::CheckStatus CheckStatus(absl::CivilDay as_of) const;
  /// What a check held on `as_of` needs: its status, the process guardian who
  /// leads it (empty when the team has no current member) and the actions
  /// it must review (open and created by then, as RecordCheck requires).
  v1::CheckDue CheckDue(absl::CivilDay as_of) const;
  /// Records a check: every action open on its date reviewed once, the
  /// facilitator the current guardian, agreements that become actions. The
  /// guardian role then rotates to the next current member in join order.
  /// Checks are recorded in date order: one dated before the previous check,
  /// an action's latest change or the latest guardian term is refused.
  /// Returns the check's id.
  absl::StatusOr<std::string> RecordCheck(const CheckInput& input);
  /// The process guardian on `on`: the latest term begun by then, or, before
  /// the first check, the first current member in join order. NotFound when
  /// the team has no current member.
  absl::StatusOr<std::string> Guardian(absl::CivilDay on) const;
  /// The guardian on `on` (empty when nobody) and the terms begun by then.
  v1::GuardianReport GuardianReportOn(absl::CivilDay on) const;

  // --- The charter (see charter.h) -----------------------------------------
  /// Replaces the charter's five pillar sections. Agreements new or changed
  /// since the current charter, and agreements without a date, are dated
  /// `today` unless the caller dated them (StampCharter). Refused, with the
  /// first error of CheckCharter as of `today`, when an owner is not a current
  /// member, a date or model is wrong, and so on; warnings pass. The warning
  /// signals are kept: a `charter` whose signals differ from the journal's is
  /// refused (signals are ticked at a check, with RecordCheck or TickSignals).
  absl::Status SetCharter(v1::Charter charter, absl::CivilDay today);
  /// Adds warning signals the team ticked at the recorded check `check_id`
  /// (each tick's check_id empty or equal to it), each by its `number`
  /// counted from 1 (1..N of the pillar's warning signals). Refused for an
  /// unknown check, a pillar or number outside the catalog, a tick that sets
  /// the deprecated 0-based `signal`, or a signal ticked twice at that check;
  /// errors name "check_id" or "ticks[i]" and the value (CheckSignalTick).
  absl::Status TickSignals(absl::string_view check_id,
                           const std::vector<v1::SignalTick>& ticks);

 private:
  /// The report of rounds(index) with the closed loop on `plan` (the latest
  /// plan on an earlier round, made on rounds(plan_round)), or none.
  absl::StatusOr<v1::RoundReport> ReportAt(const Team& team, int index,
                                           const v1::Plan* plan,
                                           int plan_round) const;

  explicit Journal(v1::Journal proto, TeamConfig config)
      : proto_(std::move(proto)), config_(std::move(config)) {}

  v1::Journal proto_;
  TeamConfig config_;
};

}  // namespace fives

#endif  // FIVES_JOURNAL_H_

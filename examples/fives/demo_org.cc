#include "demo_org.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "fives/pillar.h"

namespace fives::cli {
namespace {

using Profile = std::array<double, kPillarCount>;

struct Department {
  const char* id;
  const char* name;
  const char* division;
  int teams;
};

struct Division {
  const char* id;
  const char* name;
  // The mean score per pillar in the first quarter, and the change by the
  // second.
  Profile first;
  Profile change;
};

constexpr Division kDivisions[] = {
    {"operations",
     "Operations",
     {3.8, 2.5, 3.4, 3.2, 3.6},
     {0, 0.6, 0, 0, 0.1}},
    {"sales",
     "Sales & Service",
     {3.5, 3.6, 2.6, 3.1, 3.9},
     {0, 0, 0.3, -0.1, 0}},
    {"product",
     "Product & Technology",
     {2.7, 3.7, 3.5, 3.3, 3.4},
     {0.1, 0, 0, 0, 0}},
};

constexpr Department kDepartments[] = {
    {"logistics", "Logistics", "operations", 8},
    {"production", "Production", "operations", 7},
    {"retail", "Retail", "sales", 7},
    {"key-accounts", "Key accounts", "sales", 6},
    {"platform", "Platform", "product", 6},
    {"design", "Design", "product", 6},
};

constexpr const char* kRegions[] = {"north", "south", "west"};

// Deterministic scores: a small linear congruential generator per team.
class Noise {
 public:
  explicit Noise(uint32_t seed) : state_(seed * 2654435761u + 1) {}
  // -1, 0, 0 or +1 around the mean, plus the mean's fraction.
  int Score(double mean) {
    state_ = state_ * 1664525u + 1013904223u;
    const double u = static_cast<double>(state_ >> 8) / (1u << 24);
    const double x = mean + (u - 0.5) * 2.2;
    return std::clamp(static_cast<int>(x + 0.5), 1, 5);
  }

 private:
  uint32_t state_;
};

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

absl::Status Round(Journal& j, const std::string& id, absl::CivilDay date,
                   int answering, const Profile& mean, Noise& noise) {
  if (absl::Status s = j.StartRound(
          j.NewRoundOptions(id, date, v1::ROUND_MODE_CONFIDENTIAL));
      !s.ok()) {
    return s;
  }
  for (int m = 0; m < answering; ++m) {
    v1::Response response;
    response.set_member_id(absl::StrCat("m", m + 1));
    for (Pillar p : kAllPillars) {
      v1::PillarScore* score = response.add_scores();
      score->set_pillar(ToProto(p));
      score->set_score(noise.Score(mean[PillarIndex(p)]));
    }
    if (absl::Status s = j.AddResponse(id, response); !s.ok()) return s;
  }
  return j.CloseRound(id, date + 7);
}

// The team's plan on its first round: the focus its report names (or
// `fallback` when too few answered for one), two actions, the first done on
// time in teams with an even number, the second still open.
absl::Status Plan(Journal& j, int team, bool too_few, Pillar fallback) {
  PlanInput plan;
  plan.round_id = "q1";
  plan.created = Day(2027, 1, 28);
  if (too_few) plan.focus = fallback;
  ActionInput first;
  first.title = "One decision log for the whole team";
  first.visible_result = "Every decision of the month in one list";
  first.owner_id = "m1";
  first.due = Day(2027, 2, 25);
  ActionInput second;
  second.title = "Agree who speaks for the team on each topic";
  second.visible_result = "A list of topics with one owner each";
  second.owner_id = "m2";
  second.due = Day(2027, 2, 26);
  plan.actions = {first, second};
  absl::StatusOr<std::string> id = j.CreatePlan(plan);
  if (!id.ok()) return id.status();
  const v1::Plan& made = j.proto().plans(j.proto().plans_size() - 1);
  for (const std::string& action : made.action_ids()) {
    if (absl::Status s = j.OpenAction(action, Day(2027, 1, 29)); !s.ok()) {
      return s;
    }
  }
  if (team % 2 == 0) {
    return j.CompleteAction(made.action_ids(0), Day(2027, 2, 20));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<DemoOrg> BuildDemoOrg() {
  DemoOrg demo;
  v1::Organization& org = demo.org;
  org.set_id("vandelay");
  org.set_name("Vandelay Group");
  org.add_group_by("region");
  auto unit = [&](const std::string& id, const std::string& name,
                  const std::string& parent) {
    v1::OrgUnit* u = org.add_units();
    u->set_id(id);
    u->set_name(name);
    u->set_parent(parent);
    return u;
  };
  unit("vandelay", "Vandelay Group", "");
  for (const Division& d : kDivisions) unit(d.id, d.name, "vandelay");
  demo.first_quarter.set_from("2027-01-01");
  demo.first_quarter.set_to("2027-03-31");
  demo.second_quarter.set_from("2027-04-01");
  demo.second_quarter.set_to("2027-06-30");
  int team = 0;
  for (const Department& dep : kDepartments) {
    unit(dep.id, dep.name, dep.division);
    const Division* division = nullptr;
    for (const Division& d : kDivisions) {
      if (std::string(d.id) == dep.division) division = &d;
    }
    for (int k = 0; k < dep.teams; ++k, ++team) {
      const std::string id = absl::StrCat(dep.id, "-", k + 1);
      const std::string name = absl::StrCat(dep.name, " ", k + 1);
      v1::OrgUnit* u = unit(id, name, dep.id);
      u->set_team_id(id);
      v1::OrgAttribute* region = u->add_attributes();
      region->set_key("region");
      region->set_value(kRegions[team % 3]);
      // Sizes 5..11; Design 6 has four people; in Key accounts 6 only two
      // of its three answer.
      int size = 5 + (team * 5) % 7;
      if (id == "design-6") size = 4;
      if (id == "key-accounts-6") size = 3;
      const int answering = id == "key-accounts-6" ? 2 : size;
      absl::StatusOr<Journal> j = Journal::Create(id, name);
      if (!j.ok()) return j.status();
      for (int m = 0; m < size; ++m) {
        if (absl::Status s =
                j->AddMember(absl::StrCat("m", m + 1),
                             absl::StrCat("Member ", m + 1), Day(2026, 11, 2));
            !s.ok()) {
          return s;
        }
      }
      Noise noise(static_cast<uint32_t>(team + 1));
      const absl::CivilDay q1 = Day(2027, 1, 11) + (team % 10);
      if (absl::Status s =
              Round(*j, "q1", q1, answering, division->first, noise);
          !s.ok()) {
        return s;
      }
      // The division's weakest pillar.
      const Pillar weakest =
          kAllPillars[std::min_element(division->first.begin(),
                                       division->first.end()) -
                      division->first.begin()];
      if (absl::Status s = Plan(*j, team, answering < 3, weakest); !s.ok()) {
        return s;
      }
      if (id != "production-7") {
        Profile second = division->first;
        for (size_t p = 0; p < kPillarCount; ++p) {
          second[p] += division->change[p];
        }
        const absl::CivilDay q2 = Day(2027, 4, 12) + (team % 10);
        if (absl::Status s = Round(*j, "q2", q2, answering, second, noise);
            !s.ok()) {
          return s;
        }
      }
      demo.journals.push_back(
          {absl::StrCat(id, ".journal"), EncodeJournalFile(*j)});
    }
  }
  return demo;
}

}  // namespace fives::cli

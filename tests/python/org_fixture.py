"""Organisations and team journals for the tests of fives.Org, made with the
package's own Journal API, deterministically.

``small`` is the organisation of the C test (tests/c/capi_test.c): east
(teams a and c) and west (b and d), the teams' region crossing the tree
(north = a + b, south = c + d). ``generate`` makes a large one: a root, 4
divisions, 20 departments and ``teams`` teams, grouped by region (set on
departments) and kind (set on teams).
"""

import datetime
import os
import random
from typing import Dict, List, Sequence, Tuple

import fives

D = datetime.date
H1 = (D(2026, 1, 1), D(2026, 6, 30))
H2 = (D(2026, 7, 1), D(2026, 12, 31))

SMALL_ORG = """
id: "acme" name: "Acme" group_by: "region"
units { id: "acme" name: "Acme" }
units { id: "east" name: "East" parent: "acme" }
units { id: "west" name: "West" parent: "acme" }
units { id: "team-a" name: "Team A" parent: "east" team_id: "a"
        attributes { key: "region" value: "north" } }
units { id: "team-c" name: "Team C" parent: "east" team_id: "c"
        attributes { key: "region" value: "south" } }
units { id: "team-b" name: "Team B" parent: "west" team_id: "b"
        attributes { key: "region" value: "north" } }
units { id: "team-d" name: "Team D" parent: "west" team_id: "d"
        attributes { key: "region" value: "south" } }
"""

# Team id, members, who answers in each half year (0: no round).
SMALL_TEAMS = (("a", 6, (6, 6)), ("b", 7, (7, 7)), ("c", 3, (3, 0)),
               ("d", 5, (5, 5)))

_ROUNDS = (("r1", D(2026, 2, 2), D(2026, 2, 9)),
           ("r2", D(2026, 9, 7), D(2026, 9, 14)))


def small_journal(team_id: str, members: int,
                  answers: Sequence[int]) -> fives.Journal:
    """A team of the small organisation, as the C test builds it: the
    scores 1 + (3 m + 2 p + r) % 5, a plan on the first round."""
    j = fives.Journal.new(team_id, team_id)
    for m in range(members):
        j.add_member(f"m{m + 1}", f"m{m + 1}", D(2026, 1, 5))
    for r, (round_id, start, close) in enumerate(_ROUNDS):
        if answers[r] == 0:
            continue
        j.start_round(round_id, start, "confidential")
        for m in range(answers[r]):
            j.add_response(round_id, f"m{m + 1}",
                           [1 + (m * 3 + p * 2 + r) % 5 for p in range(5)])
        j.close_round(round_id, close)
        if r == 0:
            j.create_plan(round_id, D(2026, 2, 10), [
                fives.Action("Decision register", "On the wiki", "m1"),
                fives.Action("Four-block agenda", "Next agenda", "m2"),
            ])
    return j


def save_small(directory: str) -> Dict[str, str]:
    """The small organisation's journals as files; team id -> path."""
    paths = {}
    for team_id, members, answers in SMALL_TEAMS:
        path = os.path.join(directory, f"{team_id}.journal")
        with small_journal(team_id, members, answers) as j:
            j.save(path)
        paths[team_id] = path
    return paths


# ---- A large organisation ---------------------------------------------------------

DIVISIONS = 4
DEPARTMENTS = 20
REGIONS = ("north", "south", "east")


def org_text(teams: int) -> str:
    """The organisation of ``generate``, in protobuf text format: 4 levels
    (the group, divisions, departments, teams), grouped by region (set on
    the departments, crossing the divisions) and kind (set on the
    teams)."""
    lines = ['id: "acme" name: "Acme Group"', 'group_by: "region"',
             'group_by: "kind"', 'units { id: "acme" name: "Acme Group" }']
    for d in range(DIVISIONS):
        lines.append(f'units {{ id: "div-{d}" name: "Division {d}" '
                     f'parent: "acme" }}')
    for k in range(DEPARTMENTS):
        lines.append(
            f'units {{ id: "dept-{k:02d}" name: "Department {k:02d}" '
            f'parent: "div-{k * DIVISIONS // DEPARTMENTS}" '
            f'attributes {{ key: "region" value: "{REGIONS[k % 3]}" }} }}')
    for i in range(teams):
        unit, team_id = f"team-{i:04d}", f"t{i:04d}"
        dept = f"dept-{i * DEPARTMENTS // teams:02d}"
        kind = "staff" if i % 7 == 0 else "line"
        lines.append(f'units {{ id: "{unit}" name: "Team {i:04d}" '
                     f'parent: "{dept}" team_id: "{team_id}" '
                     f'attributes {{ key: "kind" value: "{kind}" }} }}')
    return "\n".join(lines) + "\n"


def generated_journal(i: int, rng: random.Random) -> fives.Journal:
    """Team i of ``generate``: 3 to 10 members, a confidential round closed
    in the first half year (but for every 250th team), sometimes with one
    member absent; a plan on every third team; a second round in the
    second half year on three teams in four."""
    team_id = f"t{i:04d}"
    j = fives.Journal.new(team_id, f"Team {i:04d}")
    size = 3 + rng.randrange(8)
    members = [f"m{m}" for m in range(size)]
    for m in members:
        j.add_member(m, m.upper(), D(2026, 1, 5))
    rounds: List[Tuple[str, D]] = []
    if i % 250 != 7:
        rounds.append(("r1", D(2026, 2, 2) + datetime.timedelta(days=i % 20)))
    if i % 4 != 3:
        rounds.append(("r2", D(2026, 9, 7) + datetime.timedelta(days=i % 30)))
    for n, (round_id, start) in enumerate(rounds):
        j.start_round(round_id, start, "confidential")
        absent = (members[rng.randrange(size)]
                  if size > 3 and rng.random() < 0.2 else None)
        for m in members:
            if m != absent:
                j.add_response(round_id, m,
                               [1 + rng.randrange(5) for _ in range(5)])
        close = start + datetime.timedelta(days=7)
        j.close_round(round_id, close)
        if n == 0 and i % 3 == 0:
            j.create_plan(round_id, close + datetime.timedelta(days=1), [
                fives.Action("Decision register", "On the wiki", "m0"),
                fives.Action("Four-block agenda", "Next agenda", "m1"),
            ])
    return j


def generate(directory: str, teams: int = 2000,
             seed: int = 20261201) -> Tuple[str, List[str]]:
    """Writes ``teams`` team journals (t0000.journal, ...) and the
    organisation file org.textproto into ``directory``; returns the
    organisation file's path and the journals' paths. The same bytes for the
    same arguments."""
    rng = random.Random(seed)
    paths = []
    for i in range(teams):
        path = os.path.join(directory, f"t{i:04d}.journal")
        with generated_journal(i, rng) as j:
            j.save(path)
        paths.append(path)
    org_path = os.path.join(directory, "org.textproto")
    with open(org_path, "w", encoding="utf-8") as f:
        f.write(org_text(teams))
    return org_path, paths

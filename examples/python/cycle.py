"""One cycle of the 5S method with fives, as an HR platform would run it.

A team scores the five pillars, reads the report, plans two actions on the
focus pillar, follows them up, holds the collaboration check, and keeps
everything in a journal file that survives a restart.

    python3 examples/python/cycle.py [FOLDER]    # the journal goes in FOLDER

Needs the fives package (pip install ./bindings/python, or
PYTHONPATH=bindings/python) and libfives: set FIVES_LIBRARY to it (e.g.
build/default/libfives.so.0), or FIVES_SEARCH_BUILD_TREE=1 to find a build of
this checkout, or install it where pkg-config or the loader finds it.
"""

import os
import sys
import tempfile
from datetime import date

import fives


def main(folder: str) -> None:
    path = os.path.join(folder, "board.journal")

    # 1. The team. A journal holds one team's whole history; close it when
    #    done (here: the with block).
    with fives.Journal.new("board", "Board MT") as journal:
        for member_id, name in [("anna", "Anna"), ("bram", "Bram"),
                                ("carla", "Carla"), ("daan", "Daan"),
                                ("eva", "Eva")]:
            journal.add_member(member_id, name, joined=date(2026, 1, 5))

        # 2. A round: every member scores strategy, synergy, structure,
        #    steering and success 1..5. "confidential" keeps only counts;
        #    "open" shows who gave which score.
        journal.start_round("2026-11", date(2026, 11, 2), mode="confidential")
        responses = {"anna": [4, 4, 2, 3, 4], "bram": [4, 3, 5, 3, 3],
                     "carla": [3, 4, 1, 4, 4], "daan": [4, 5, 5, 2, 3],
                     "eva": [5, 4, 1, 3, 4]}
        for member_id, scores in responses.items():
            journal.add_response("2026-11", member_id, scores)
        journal.close_round("2026-11", date(2026, 11, 3))

        # 3. The report: typed (fives.RoundReport; .to_message() is the
        #    fives.v1.RoundReport dict), or text to show. A withheld measure
        #    is None.
        report = journal.report("2026-11", language="en")
        for pillar in report.pillars:
            name = pillar.pillar.key if pillar.pillar else "?"
            mean = "withheld" if pillar.mean is None else f"{pillar.mean:.2f}"
            print(f"{name:<10} mean {mean}  {pillar.label or ''}")
        print("focus:", report.focus.key if report.focus else "none")
        print(journal.report_text())

        # 4. The plan: two actions on the focus pillar, each with an owner and
        #    a visible result (due: 30 days unless given).
        plan_id = journal.create_plan("2026-11", date(2026, 11, 3), [
            fives.Action("Choose a decision model per recurring topic",
                         "A one-page decision table in the MT folder",
                         owner_id="bram", due=date(2026, 11, 24)),
            fives.Action("Use the four-block meeting format",
                         "Every MT agenda has the four blocks",
                         owner_id="carla"),
        ], note="Split on structure: we talked first")
        first, second = journal.plan_actions(plan_id)

        # 5. Follow-up: owners commit, report progress, finish.
        journal.open_action(first, date(2026, 11, 4))
        journal.open_action(second, date(2026, 11, 4))
        journal.add_feedback(first, date(2026, 11, 13), "bram",
                             "Draft table shared", progress=60)
        journal.complete_action(first, date(2026, 11, 20))
        follow_up = journal.follow_up(date(2026, 12, 1))
        print("open:", [a.id for a in follow_up.open],
              "to celebrate:", [a.id for a in follow_up.celebrate])

        # 6. The collaboration check, 6-8 weeks after the plan, led by the
        #    process guardian; every open action gets a review.
        today = date(2026, 12, 15)
        status = journal.check_status(today)
        print("check:", status.state.name.lower() if status.state else "?",
              "until", status.window_end, "led by", journal.guardian(today))
        journal.record_check(
            today,
            helps=["Decisions are written down the day they are made"],
            hinders=["Operational topics crowd out strategy"],
            reviews=[fives.Review(second, "replanned",
                                  new_due=date(2026, 12, 29))])

        # 7. Save: atomic, the previous file stays intact if anything fails.
        journal.save(path)

    # 8. Later (another request, another process): load and carry on.
    try:
        with fives.Journal.load(path) as journal:
            journal.complete_action(second, date(2026, 12, 19))
            print("guardian now:", journal.guardian(date(2026, 12, 20)))
            journal.save(path)
            # Finishing twice is refused, with the library's reason.
            journal.complete_action(second, date(2026, 12, 20))
    except fives.FailedPrecondition as error:
        print("refused:", error)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(sys.argv[1])
    else:
        with tempfile.TemporaryDirectory() as folder:
            main(folder)

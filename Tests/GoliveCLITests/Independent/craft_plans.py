#!/usr/bin/env python3
"""Writes into an export the plans no change command can make, for `golive restore`.

A task's dependencies are set on the board (`W`), which a script cannot reach; and some
cases of PRODUCT.md's text need them: a tie on the critical path that the earliest due
decides against the lower id, a gap measured from a finished task; and a playbook may have
no go-live checkpoint, which the seeder's never lack. This edits a few
accounts of the export (new tasks get new ids) and leaves the rest as they are. It only
shapes the data; it knows nothing of forecasts beyond what makes each case reachable.

Usage: craft_plans.py EXPORT.json DAY SINCE CRAFTED.json
(DAY: the export's day, on or after its last event; SINCE: the first day of the changes
made with commands: accounts with an event from then on are left alone.)
"""

import datetime
import json
import sys

OPEN = {"open", "in_progress", "waiting", "blocked", "pending", "rejected"}


def shift(text, days):
    return (datetime.date.fromisoformat(text) + datetime.timedelta(days=days)).isoformat()


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        export = json.load(f)
    today, since = argv[2], argv[3]
    touched = {e.get("account_id") for e in export["events"] if e["at"][:10] >= since}
    candidates = [
        a for a in export["accounts"]
        if "completed_on" not in a and not a["holds"] and a["id"] not in touched
        and any("achieved_on" not in c for c in a["checkpoints"])
    ]
    # From the end of the list: the change commands picked theirs from the start.
    candidates.reverse()
    next_id = [export["next_id"]]

    def new_task(a, title, lane, due, checkpoint, depends_on=(), status=None):
        t = {
            "depends_on": list(depends_on), "due": due, "id": next_id[0], "lane": lane, "owner": "Crafted Owner",
            "status": status or ("pending" if lane == "approval" else "open"), "status_since": today, "title": title,
            "version": 1,
        }
        if checkpoint is not None:
            t["checkpoint_id"] = checkpoint["id"]
        if t["status"] == "done":
            t["finished_on"] = today
        next_id[0] += 1
        a["tasks"].append(t)
        return t

    def first_open(a):
        index = {s["key"]: i for i, s in enumerate(a["stages"])}
        rest = [c for c in a["checkpoints"] if "achieved_on" not in c]
        return min(rest, key=lambda c: (index[c["stage"]], a["checkpoints"].index(c)))

    def on_track(a):
        """Moves the account's open plan (open tasks, checkpoints not achieved, the target)
        so that nothing is due before three days from today: a re-plan, as `M` and `T` do."""
        dues = [t["due"] for t in a["tasks"] if t["status"] in OPEN]
        dues += [c["due"] for c in a["checkpoints"] if "achieved_on" not in c]
        delta = max(0, (datetime.date.fromisoformat(shift(today, 3)) - datetime.date.fromisoformat(min(dues))).days)
        for t in a["tasks"]:
            if t["status"] in OPEN:
                t["due"] = shift(t["due"], delta)
        for c in a["checkpoints"]:
            if "achieved_on" not in c:
                c["due"] = shift(c["due"], delta)
        a["target_go_live"] = shift(a["target_go_live"], delta)

    take = iter(candidates)

    # The earliest due before the lower id: in the first open checkpoint `c` (made the
    # first late one), `y` (lowest id, due V), `z` (due the day after c's, waits on `w`),
    # `w` (due V). All three forecast V; `z` has the earliest due, `y` the lowest id; `z`'s
    # chain ends at `w`, whose court differs from `y`'s. Both ways round.
    for y_lane, w_lane in (("customer", "internal"), ("internal", "customer")):
        a = next(take)
        on_track(a)
        c = first_open(a)
        v = shift(c["due"], 20)
        new_task(a, "Crafted lowest id", y_lane, v, c)
        z = new_task(a, "Crafted earliest due", "approval", shift(c["due"], 1), c)
        w = new_task(a, "Crafted waited on", w_lane, v, c)
        z["depends_on"] = [w["id"]]

    # The gap is measured from every task waited on, finished ones too: `t` waits on `o`
    # (open, overdue) and `f` (done, due 7 days before `t`), in the last checkpoint, far
    # enough out that its own tasks set its forecast.
    a = next(take)
    c = a["checkpoints"][-1]
    base = shift(max(c["due"], today), 300)
    o = new_task(a, "Crafted overdue", "internal", shift(today, -10), c)
    f = new_task(a, "Crafted finished", "internal", shift(base, -7), c, status="done")
    new_task(a, "Crafted after both", "customer", base, c, depends_on=[o["id"], f["id"]])

    # A task that leads to no checkpoint still holds back what waits on it.
    a = next(take)
    c = a["checkpoints"][-1]
    loose = new_task(a, "Crafted loose", "customer", shift(today, -20), None)
    new_task(a, "Crafted after the loose one", "internal", shift(max(c["due"], today), 200), c, depends_on=[loose["id"]])

    # An achieved checkpoint with open tasks: its forecast is the day it was achieved, and
    # it no longer holds back later stages; what waits on its open tasks still waits.
    a = next(take)
    c = first_open(a)
    c["achieved_on"] = shift(today, -1)
    if c.get("customer_confirms"):
        c["confirmed_by"] = "Crafted Contact"
    stuck = new_task(a, "Crafted left open", "internal", shift(today, -15), c)
    later = a["checkpoints"][-1]
    new_task(a, "Crafted after the left open", "customer", shift(max(later["due"], today), 150), later,
             depends_on=[stuck["id"]])

    # Two holds: one over long ago, one still on from six days ago (and every day compared).
    a = next(take)
    a["holds"] = [
        {"by": "Crafted", "expected_resume": shift(today, -30), "from": shift(today, -40), "reason": "re-scope",
         "resumed_on": shift(today, -30)},
        {"by": "Crafted", "expected_resume": shift(today, 20), "from": shift(today, -6), "reason": "freeze"},
    ]

    # A plan with no go-live checkpoint (a playbook may have none): what led to it leads
    # nowhere now, and the go-live forecast is the target go-live.
    a = next(take)
    go_live = next(c for c in a["checkpoints"] if c.get("milestone") == "go_live")
    a["checkpoints"].remove(go_live)
    for t in a["tasks"]:
        if t.get("checkpoint_id") == go_live["id"]:
            del t["checkpoint_id"]

    export["next_id"] = next_id[0]
    # The plan only: the events would serve to rewind to a past day, and no day before the
    # export's is compared on the crafted store; without them it restores in a third of
    # the time.
    export["events"] = []
    with open(argv[4], "w", encoding="utf-8") as f:
        json.dump(export, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Picks, from a seeded store's export, the changes that give the schedule's rarer cases.

The seeder makes few of them (no hold, no blocked customer task, few rejected approvals,
no tie on a critical path that the lower id decides), so the test applies these with
golive's own change commands before comparing. This only chooses what to change; it knows
nothing of forecasts. (What no command can make, a dependency, is `craft_plans.py`'s.)

Usage: plan_changes.py EXPORT.json DAY   (DAY: the seed's as-of day)

Prints a JSON list of golive argument lists (without --store), in the order to run them;
each carries its own --as-of: the day after DAY, the holds' resumes ten days after.
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
    seeded = argv[2]
    change_day, resume_day = shift(seeded, 1), shift(seeded, 10)
    active = [a for a in export["accounts"] if "completed_on" not in a]
    used = set()
    commands = []

    def change(day, *args):
        commands.append(list(args) + ["--as-of", day])

    def free(limit, predicate):
        """Up to `limit` accounts not changed yet that `predicate` accepts (it returns what
        to change, or None)."""
        found = []
        for a in active:
            if len(found) == limit:
                break
            if a["id"] in used:
                continue
            what = predicate(a)
            if what is not None:
                used.add(a["id"])
                found.append((a, what))
        return found

    def open_tasks(a, checkpoint):
        return [t for t in a["tasks"] if t["checkpoint_id"] == checkpoint["id"] and t["status"] in OPEN]

    def stage_of(a):
        index = {s["key"]: i for i, s in enumerate(a["stages"])}
        return lambda c: index[c["stage"]]

    def first_open_checkpoint(a):
        stage = stage_of(a)
        rest = [c for c in a["checkpoints"] if "achieved_on" not in c]
        return min(rest, key=lambda c: (stage(c), a["checkpoints"].index(c))) if rest else None

    def on_track(a):
        """An account with nothing overdue as of the seed's day: its first open checkpoint
        is then the first late one once a change pushes it."""
        c = first_open_checkpoint(a)
        if c is None or c["due"] <= change_day:
            return None
        if any(t["status"] in OPEN and t["due"] <= change_day for t in a["tasks"]):
            return None
        return c

    # Slipping chains: a task others wait on, moved 25 days later on its own (`--only`:
    # what waits on it keeps its date, so the chain's forecasts slip).
    def waited_on(a):
        deps = {d for t in a["tasks"] for d in t["depends_on"]}
        for t in a["tasks"]:
            if t["status"] in ("open", "in_progress") and t["id"] in deps and t["lane"] != "approval":
                return t
        return None

    for a, t in free(4, waited_on):
        change(change_day, "task", "due", str(a["id"]), str(t["id"]), shift(t["due"], 25), "--only")

    # Blocked customer tasks.
    # Each of a task leading to the first checkpoint not achieved, whose chain the court
    # follows when it is late.
    def customer_task(a):
        c = first_open_checkpoint(a)
        return next(
            (t for t in open_tasks(a, c) if t["lane"] == "customer" and t["status"] in ("open", "waiting")), None
        ) if c else None

    for a, t in free(3, customer_task):
        change(change_day, "task", "status", str(a["id"]), str(t["id"]), "blocked", "--reason", "legal review")

    # Rejected approvals.
    def pending(a):
        c = first_open_checkpoint(a)
        return next(
            (t for t in open_tasks(a, c) if t["lane"] == "approval" and t["status"] == "pending"), None
        ) if c else None

    for a, t in free(3, pending):
        change(change_day, "task", "status", str(a["id"]), str(t["id"]), "rejected", "--reason", "scope not agreed")

    # Overdue checkpoints left with no open task (they only wait to be marked achieved),
    # some the customer confirms and some not: their open tasks finished, those waited on
    # first.
    for confirms in (True, False):

        def only_confirmation(a, confirms=confirms):
            # The first checkpoint not achieved, overdue: the first late one, with no open
            # task left to set its forecast.
            for c in [first_open_checkpoint(a)]:
                if c is None or c["due"] >= seeded or c["customer_confirms"] != confirms:
                    continue
                tasks = open_tasks(a, c)
                ids = {t["id"] for t in tasks}
                by_id = {t["id"]: t for t in a["tasks"]}
                if not tasks or len(tasks) > 3:
                    continue
                # Every task they wait on is finished already or among them.
                if all(d in ids or by_id[d]["status"] not in OPEN for t in tasks for d in t["depends_on"]):
                    ordered = []
                    while len(ordered) < len(tasks):
                        for t in tasks:
                            if t not in ordered and all(d not in ids or by_id[d] in ordered for d in t["depends_on"]):
                                ordered.append(t)
                    return ordered
            return None

        for a, tasks in free(2, only_confirmation):
            for t in tasks:
                status = "approved" if t["lane"] == "approval" else "done"
                change(change_day, "task", "status", str(a["id"]), str(t["id"]), status)

    # Ties decided by the lower id: two new tasks of different lanes due the same day, after
    # the first open checkpoint of an account on track, in either order.
    lanes = [("customer", "internal"), ("internal", "approval")]
    for (a, c), (first, second) in zip(free(len(lanes), on_track), lanes):
        due = shift(c["due"], 20)
        for lane in (first, second):
            change(
                change_day, "task", "add", str(a["id"]), f"Tie {lane}", "--lane", lane, "--owner", "Tie Owner", "--due", due,
                "--checkpoint", str(c["id"]))

    # Holds: on accounts with overdue work (so that a frozen today shows), from the day after
    # the seed's; half resume ten days later.
    def late(a):
        return True if any(t["status"] in OPEN and t["due"] < seeded for t in a["tasks"]) else None

    held = free(4, late)
    for a, _ in held:
        change(change_day, "hold", str(a["id"]), "customer freeze", "--until", shift(seeded, 30))
    for a, _ in held[::2]:
        change(resume_day, "resume", str(a["id"]))

    json.dump(commands, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""An independent reading of PRODUCT.md's "Forecast, critical path and whose court".

Written from the text alone (not from golive's Swift schedule), so that a test can hold
golive's `report portfolio` against it: where the two disagree, one of them misreads the
text. Standard library only (CPython 3.11).

Usage: schedule.py EXPORT.json DAY [DAY ...]

EXPORT.json is `golive export` of the store, its plan as it stood on the DAYs (a past
day's report rewinds the store, and so does `golive export --as-of` that day). Prints one
JSON object:

  {"DAY": {"ACCOUNT NAME": {"go_live_forecast": "YYYY-MM-DD",
                            "ball_in_court": "ours" | "customer" | "approver" | null,
                            "court_case": "the case of the text that decides the court",
                            "critical_path": "the late checkpoint <- ... <- its root",
                            "schedule_day": "the day the schedule is worked out on",
                            "ties": ["due" | "id" [+ " decisive"], ...] (each tie on the court's path),
                            "checkpoints": [{"name": ..., "forecast": "YYYY-MM-DD"}, ...]}}}

`ball_in_court` is null for an account that is no longer active (completed), as the
report leaves it out there. `court_case`, `critical_path`, `schedule_day` and `ties` are for a
reader of a disagreement and for the test's count of which cases the data reached.
"""

import datetime
import json
import sys

# "a task is finished when done or skipped, open otherwise"; an approved approval is the
# approval lane's done.
FINISHED = {"done", "skipped", "approved"}


def day(text):
    return datetime.date.fromisoformat(text).toordinal()


def text(ordinal):
    return datetime.date.fromordinal(ordinal).isoformat()


def on_hold_since(account, today):
    """The first day of the hold the account is on as of `today`, or None.

    A hold runs from its first day up to (not including) the day it resumed."""
    for hold in account.get("holds", []):
        start = day(hold["from"])
        resumed = hold.get("resumed_on")
        if start <= today and (resumed is None or today < day(resumed)):
            return start
    return None


class Schedule:
    """The forecasts of one account's plan as of one day, and the critical paths."""

    def __init__(self, account, today):
        self.account = account
        # "On hold: from the day a hold begins, its colour, reasons and forecast stand as
        # they were that day": while on hold, the schedule is worked out on its first day.
        held = on_hold_since(account, today)
        self.today = held if held is not None else today
        self.tasks = {t["id"]: t for t in account["tasks"]}
        self.checkpoints = account["checkpoints"]
        stage_index = {s["key"]: i for i, s in enumerate(account["stages"])}
        self.stage = {c["id"]: stage_index[c["stage"]] for c in self.checkpoints}
        self.tasks_of = {c["id"]: [] for c in self.checkpoints}
        for t in account["tasks"]:
            cp = t.get("checkpoint_id")
            if cp is not None and cp in self.tasks_of:
                self.tasks_of[cp].append(t)
        # "Either way the days on hold never count in any clock": a hold that has ended moved
        # every date it ended after by its length (a resume that moved the plan moved those
        # dates past it already, so they are after it and move no more).
        # Only holds that had ended by `today`: the export may be of a later day.
        self.finished = [
            (day(h["from"]), day(h["resumed_on"]))
            for h in account.get("holds", [])
            if h.get("resumed_on") and day(h["resumed_on"]) <= today
        ]
        self.ties = []
        self._task_forecast = {}
        self._checkpoint_forecast = {}

    def due(self, item):
        """An item's due date as the clocks read it: later by every finished hold that
        resumed after it."""
        d = day(item["due"])
        return d + sum(resumed - start for start, resumed in self.finished if d < resumed)

    # -- tasks ---------------------------------------------------------------------------

    @staticmethod
    def is_open(task):
        return task["status"] not in FINISHED

    def waits_on(self, task):
        """The tasks it waits on (those still in the plan)."""
        return [self.tasks[d] for d in task.get("depends_on", []) if d in self.tasks]

    def gap(self, task):
        """gap(t) = max(0, due(t) - max due(d)) over the tasks d it waits on."""
        deps = self.waits_on(task)
        if not deps:
            return 0
        return max(0, self.due(task) - max(self.due(d) for d in deps))

    def task_terms(self, task):
        """The terms of F(t)'s max that come from other items: F(d) + gap(t), open d."""
        g = self.gap(task)
        return [(d, self.task_forecast(d) + g) for d in self.waits_on(task) if self.is_open(d)]

    def task_forecast(self, task):
        """F(t) = max(due(t), D, F(d) + gap(t) for each open d it waits on)."""
        key = task["id"]
        if key in self._task_forecast:
            value = self._task_forecast[key]
            if value is None:
                raise ValueError(f"dependency cycle through task {key}")
            return value
        self._task_forecast[key] = None
        value = max([self.due(task), self.today] + [term for _, term in self.task_terms(task)])
        self._task_forecast[key] = value
        return value

    # -- checkpoints ---------------------------------------------------------------------

    @staticmethod
    def is_achieved(checkpoint):
        return checkpoint.get("achieved_on") is not None

    def open_tasks(self, checkpoint):
        return [t for t in self.tasks_of[checkpoint["id"]] if self.is_open(t)]

    def earlier_open(self, checkpoint):
        """Checkpoints not achieved of an earlier stage."""
        s = self.stage[checkpoint["id"]]
        return [p for p in self.checkpoints if not self.is_achieved(p) and self.stage[p["id"]] < s]

    def checkpoint_terms(self, checkpoint):
        """The terms of F(c)'s max that come from other items, as (kind, item, term)."""
        due = self.due(checkpoint)
        terms = [("task", t, self.task_forecast(t)) for t in self.open_tasks(checkpoint)]
        for p in self.earlier_open(checkpoint):
            terms.append(("checkpoint", p, self.checkpoint_forecast(p) + max(0, due - self.due(p))))
        return terms

    def checkpoint_forecast(self, checkpoint):
        """own(c) = max(due(c), D, F(t) for open t leading to c), then
        F(c) = max(own(c), F(p) + max(0, due(c) - due(p))) for earlier-stage p not achieved.
        An achieved checkpoint's forecast is the day it was achieved."""
        key = checkpoint["id"]
        if key in self._checkpoint_forecast:
            return self._checkpoint_forecast[key]
        if self.is_achieved(checkpoint):
            value = day(checkpoint["achieved_on"])
        else:
            value = max([self.due(checkpoint), self.today] + [term for _, _, term in self.checkpoint_terms(checkpoint)])
        self._checkpoint_forecast[key] = value
        return value

    # -- the go-live ---------------------------------------------------------------------

    def go_live_checkpoint(self):
        for c in self.checkpoints:
            if c.get("milestone") == "go_live":
                return c
        return None

    def go_live_forecast(self):
        """The go-live checkpoint's forecast; the target go-live where the plan has none."""
        c = self.go_live_checkpoint()
        if c is None:
            return day(self.account["target_go_live"])
        return self.checkpoint_forecast(c)

    # -- the critical path and whose court -----------------------------------------------

    def pick(self, candidates):
        """Among terms equal to the forecast: the earliest due date, then the lower id, a
        task before a checkpoint on a full tie."""
        return min(candidates, key=lambda kt: (self.due(kt[1]), kt[1]["id"], 0 if kt[0] == "task" else 1))

    def setters(self, kind, item):
        """What set the item's forecast: its terms from other items equal to it."""
        if kind == "checkpoint":
            f = self.checkpoint_forecast(item)
            return [(k, i) for k, i, term in self.checkpoint_terms(item) if term == f]
        f = self.task_forecast(item)
        return [("task", d) for d, term in self.task_terms(item) if term == f]

    def root(self, kind, item, count_ties=True):
        """Follow from the item what set each forecast, to the root: (kind, item, path)."""
        path = [(kind, item)]
        while True:
            setters = self.setters(kind, item)
            if not setters:
                return kind, item, path
            chosen = self.pick(setters)
            if count_ties and len(setters) > 1:
                self.ties.append(self.tie(setters, chosen))
            kind, item = chosen
            path.append((kind, item))

    def tie(self, setters, chosen):
        """Which part of the tie rule decided, and whether that part mattered: "due
        decisive" when the lowest id alone leads to another court, "id decisive" when
        another item due the same day does. For the test's count of the cases its data
        reached, not for the answer."""
        def court(kind_item):
            return self.court_of_root(*self.root(*kind_item, count_ties=False)[:2])[0]

        first = min(self.due(i) for _, i in setters)
        same_day = [ki for ki in setters if self.due(ki[1]) == first]
        if len(same_day) == 1:
            other = [min(setters, key=lambda ki: (ki[1]["id"], 0 if ki[0] == "task" else 1))]
            part = "due"
        else:
            other = [ki for ki in same_day if ki is not chosen]
            part = "id"
        mine = court(chosen)
        return part + (" decisive" if any(court(ki) != mine for ki in other) else "")

    def court_of_root(self, kind, item):
        """(court, the case of the text that decides it)."""
        if kind == "task":
            lane, status = item["lane"], item["status"]
            if lane == "approval":
                # a pending approval: the approver's; a rejected one: ours.
                return ("approver", "approval pending") if status == "pending" else ("ours", "approval rejected")
            blocked = " blocked" if status == "blocked" else ""
            # internal (blocked or not): ours; customer (blocked or not): the customer's.
            if lane == "customer":
                return "customer", "customer task" + blocked
            return "ours", "internal task" + blocked
        # A checkpoint root. The text names one case: no open task, only waiting for
        # confirmation — the customer's where the customer confirms, else ours.
        if not self.open_tasks(item):
            if item.get("customer_confirms"):
                return "customer", "checkpoint the customer confirms"
            return "ours", "checkpoint we confirm"
        return "unnamed", "checkpoint with open tasks (no case of the text)"

    def first_late(self):
        """The first checkpoint, in stage order, past due or slipping (not achieved)."""
        order = sorted(range(len(self.checkpoints)), key=lambda i: (self.stage[self.checkpoints[i]["id"]], i))
        for i in order:
            c = self.checkpoints[i]
            if self.is_achieved(c):
                continue
            due = self.due(c)
            if due < self.today or self.checkpoint_forecast(c) > due:
                return c
        return None

    def ball_in_court(self):
        """(court, case, words); the court is None for an account no longer active."""
        if self.account.get("completed_on") is not None:
            return None, "completed", ""
        late = self.first_late()
        if late is None:
            return "ours", "nothing late or slipping", ""
        kind, item, path = self.root("checkpoint", late)
        # From the late checkpoint back to the root, each with its forecast.
        words = " <- ".join(
            (f"task {i['id']} '{i['title']}' ({i['lane']}, {i['status']}, due {i['due']}, forecast {text(self.task_forecast(i))})")
            if k == "task"
            else f"checkpoint {i['id']} '{i['name']}' (due {i['due']}, forecast {text(self.checkpoint_forecast(i))})"
            for k, i in path
        )
        court, case = self.court_of_root(kind, item)
        return court, case, words

    def result(self):
        court, case, words = self.ball_in_court()
        return {
            "go_live_forecast": text(self.go_live_forecast()),
            "ball_in_court": court,
            "court_case": case,
            "critical_path": words,
            "ties": self.ties,
            "schedule_day": text(self.today),
            "checkpoints": [{"name": c["name"], "forecast": text(self.checkpoint_forecast(c))} for c in self.checkpoints],
        }


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: schedule.py EXPORT.json DAY [DAY ...]\n")
        return 2
    with open(argv[1], encoding="utf-8") as f:
        export = json.load(f)
    out = {}
    for d in argv[2:]:
        today = day(d)
        accounts = {}
        for account in export["accounts"]:
            if account["name"] in accounts:
                sys.stderr.write(f"two accounts named {account['name']!r}: the report cannot tell them apart\n")
                return 1
            accounts[account["name"]] = Schedule(account, today).result()
        out[d] = accounts
    json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

import Foundation
import GoliveIO
import Yams

extension KeyTable {
    public static let defaults = KeyTable(bindings: [
        Binding(keys: [.up, .char("k")], command: .moveUp, scope: .everywhere, description: "move up"),
        Binding(keys: [.down, .char("j")], command: .moveDown, scope: .everywhere, description: "move down"),
        Binding(keys: [.char("g"), .home], command: .top, scope: .everywhere, description: "go to the top"),
        Binding(keys: [.char("G"), .end], command: .bottom, scope: .everywhere, description: "go to the bottom"),
        Binding(keys: [.pageUp], command: .pageUp, scope: .everywhere, description: "page up"),
        Binding(keys: [.pageDown], command: .pageDown, scope: .everywhere, description: "page down"),
        Binding(keys: [.char("?")], command: .help, scope: .everywhere, description: "help: all keys (type to filter)"),
        Binding(keys: [.char("q")], command: .back, scope: .everywhere, description: "back (quits from the board)"),
        Binding(
            keys: [.escape], command: .dismiss, scope: .everywhere,
            description: "clear the filter, or go back (never quits)"),
        Binding(keys: [.ctrl("c")], command: .quit, scope: .everywhere, description: "quit"),
        Binding(
            keys: [.char("i")], command: .why, scope: .everywhere,
            description: "why: every reason of the selected account, in full"),
        Binding(
            keys: [.char("u")], command: .undo, scope: .everywhere,
            description: "undo your last change (again for the one before)"),
        Binding(keys: [.ctrl("r")], command: .redo, scope: .everywhere, description: "redo what u took back"),
        Binding(
            keys: [.char("@")], command: .messages, scope: .everywhere,
            description: "messages: the recent status messages, whole, newest first"),
        Binding(keys: [.char("1")], command: .viewBoard, scope: .everywhere, description: "the board"),
        Binding(
            keys: [.char("2")], command: .viewStalled, scope: .everywhere, description: "stalled review (for leads)"),
        Binding(
            keys: [.char("3")], command: .viewAgenda, scope: .everywhere,
            description: "agenda: overdue, today, this week"),
        Binding(keys: [.char("4")], command: .viewMetrics, scope: .everywhere, description: "metrics"),
        Binding(
            keys: [.char("5")], command: .viewChanges, scope: .everywhere,
            description: "changes: what changed per account since your last review"),
        Binding(keys: [.enter], command: .open, scope: .board, description: "open the account"),
        Binding(
            keys: [.char("/")], command: .filter, scope: .board,
            description: "filter: words, red, stalled, seg:smb, csm:ana…; Esc clears"),
        Binding(
            keys: [.char("s")], command: .cycleSort, scope: .board,
            description: "sort: worst first, go-live, go-live slip, days in stage, ARR, name"),
        Binding(
            keys: [.char("S")], command: .reverseSort, scope: .board,
            description: "reverse this sort (completed ones stay last)"),
        Binding(
            keys: [.char("m")], command: .toggleMine, scope: .board,
            description: "my accounts (--user, config user:, or your login)"),
        Binding(keys: [.char("r")], command: .reload, scope: .board, description: "reload from the store"),
        Binding(keys: [.enter], command: .open, scope: .stalled, description: "open the account"),
        Binding(
            keys: [.char("!")], command: .escalate, scope: .stalled,
            description: "escalate the account (reason asked)"),
        Binding(
            keys: [.char("R")], command: .resolveEscalation, scope: .stalled,
            description: "resolve the escalation (what resolved it asked)"),
        Binding(
            keys: [.char("P")], command: .hold, scope: .stalled,
            description:
                "put on hold (reason, resume date asked; again: resume, and y/n: move the open plan by the days held)"),
        Binding(
            keys: [.char("o")], command: .reassignCSM, scope: .stalled,
            description: "reassign the CSM (a short form is that CSM; y/n: tasks too)"),
        Binding(keys: [.char("n")], command: .addNote, scope: .stalled, description: "add a note to the account"),
        Binding(
            keys: [.char("v")], command: .markReviewed, scope: .stalled,
            description: "mark the account reviewed (your name, now)"),
        Binding(
            keys: [.char("V")], command: .followUp, scope: .stalled,
            description: "reviewed, with the next step and a follow-up day"),
        Binding(keys: [.enter], command: .open, scope: .agenda, description: "open the item's account"),
        Binding(keys: [.enter], command: .open, scope: .changes, description: "open the account"),
        Binding(
            keys: [.char("p")], command: .cyclePeriod, scope: .metrics,
            description: "compare this quarter, month or week with the last"),
        Binding(
            keys: [.char("p")], command: .cyclePeriod, scope: .changes,
            description: "since: your last review, the last 7 days, the last 30 days"),
        Binding(
            keys: [.char("m")], command: .toggleMine, scope: .changes,
            description: "my accounts (--user, config user:, or your login)"),
        Binding(keys: [.char("t")], command: .today, scope: .agenda, description: "jump to today"),
        Binding(
            keys: [.char("x")], command: .toggleDone, scope: .agenda,
            description: "done (approvals: approve; checkpoints: achieved; touchpoints: held; follow-ups: reviewed)"),
        Binding(
            keys: [.char("m")], command: .toggleMine, scope: .agenda,
            description: "my accounts (--user, config user:, or your login)"),
        Binding(keys: [.tab, .right, .char("l")], command: .nextLane, scope: .account, description: "next lane"),
        Binding(
            keys: [.backTab, .left, .char("h")], command: .previousLane, scope: .account, description: "previous lane"),
        Binding(
            keys: [.char("[")], command: .previousCheckpoint, scope: .account,
            description: "select the previous checkpoint (the bar below tells it)"),
        Binding(
            keys: [.char("]")], command: .nextCheckpoint, scope: .account,
            description: "select the next checkpoint (the bar below tells it)"),
        Binding(
            keys: [.char("x")], command: .toggleDone, scope: .account,
            description: "toggle done (approval lane: approve)"),
        Binding(
            keys: [.char("X")], command: .reject, scope: .account, description: "reject the approval (reason asked)"),
        Binding(keys: [.char("b")], command: .block, scope: .account, description: "block the task (reason asked)"),
        Binding(keys: [.char("w")], command: .markWaiting, scope: .account, description: "mark the task waiting"),
        Binding(
            keys: [.char("p")], command: .markInProgress, scope: .account,
            description: "in progress (again: back to open)"),
        Binding(
            keys: [.char("s")], command: .skip, scope: .account,
            description: "skip the task (reason asked; again: reopen)"),
        Binding(
            keys: [.char("D")], command: .deleteTask, scope: .account, description: "delete the task (reason asked)"),
        Binding(
            keys: [.char("W")], command: .waitsOn, scope: .account,
            description: "waits on a task (named; again: no longer)"),
        Binding(
            keys: [.char("C")], command: .linkCheckpoint, scope: .account,
            description: "the checkpoint the task leads to"),
        Binding(
            keys: [.char("O")], command: .editHandoff, scope: .account,
            description: "the handoff record: goals, requirements, people, promises"),
        Binding(keys: [.char("a")], command: .addTask, scope: .account, description: "add a task to the focused lane"),
        Binding(keys: [.char("e")], command: .editTitle, scope: .account, description: "edit the task's title"),
        Binding(
            keys: [.char("d")], command: .changeDue, scope: .account,
            description: "change the due date (+/- a day, or type one; what it pushes out is named, y moves it too)"),
        Binding(
            keys: [.char("M")], command: .moveCheckpoint, scope: .account,
            description: "move the selected checkpoint's due date (reason asked, what moves with it named)"),
        Binding(
            keys: [.char("T")], command: .moveGoLive, scope: .account,
            description: "move the target go-live (reason asked, what moves with it named)"),
        Binding(keys: [.char("o")], command: .reassign, scope: .account, description: "reassign the task's owner"),
        Binding(keys: [.char("n")], command: .addNote, scope: .account, description: "add a note"),
        Binding(
            keys: [.char("c")], command: .achieveCheckpoint, scope: .account,
            description: "mark the selected checkpoint achieved"),
        Binding(
            keys: [.char(">")], command: .advanceStage, scope: .account,
            description: "advance the stage (gates checked)"),
        Binding(
            keys: [.char("!")], command: .escalate, scope: .account,
            description: "escalate the account (reason asked)"),
        Binding(
            keys: [.char("R")], command: .resolveEscalation, scope: .account,
            description: "resolve the escalation (what resolved it asked)"),
        Binding(
            keys: [.char("P")], command: .hold, scope: .account,
            description:
                "put on hold (reason, resume date asked; again: resume, and y/n: move the open plan by the days held)"),
        Binding(
            keys: [.char("v")], command: .markReviewed, scope: .account,
            description: "mark the account reviewed (your name, now)"),
        Binding(
            keys: [.char("V")], command: .followUp, scope: .account,
            description: "reviewed, with the next step and a follow-up day"),
        Binding(
            keys: [.char("H")], command: .history, scope: .account, description: "history: every change, newest first"),
        Binding(
            keys: [.char("t")], command: .touchpoints, scope: .account,
            description: "touchpoints: past and planned, held or missed"),
        Binding(
            keys: [.char("L")], command: .timeline, scope: .account,
            description: "timeline: the plan over the days, the critical path, the slip, today"),
        Binding(
            keys: [.char("x")], command: .toggleDone, scope: .touchpoints,
            description: "held from its day on (what came of it asked; again: planned)"),
        Binding(
            keys: [.char("X")], command: .reject, scope: .touchpoints,
            description: "missed (again: back to planned)"),
        Binding(
            keys: [.char("a")], command: .addTouchpoint, scope: .touchpoints,
            description: "add a touchpoint (day, audience, channel, objective), selected"),
        Binding(
            keys: [.left, .char("h")], command: .scrollLeft, scope: .timeline,
            description: "earlier: a week (by week: four)"),
        Binding(
            keys: [.right, .char("l")], command: .scrollRight, scope: .timeline,
            description: "later: a week (by week: four)"),
        Binding(keys: [.char("0")], command: .planStart, scope: .timeline, description: "the plan's first day"),
        Binding(keys: [.char("$")], command: .planEnd, scope: .timeline, description: "the plan's last day"),
        Binding(keys: [.char("t")], command: .today, scope: .timeline, description: "back to today"),
        Binding(
            keys: [.char("z")], command: .cycleScale, scope: .timeline,
            description: "by day or by week (the whole plan fitted to the width)"),
    ])
}

import Foundation
import GoliveIO
import Yams

/// What a key can ask for. Named after what the user does.
public enum Command: String, CaseIterable, Sendable {
    case moveUp = "move-up"
    case moveDown = "move-down"
    case top, bottom
    case pageUp = "page-up"
    case pageDown = "page-down"
    case help, back, quit, undo, redo
    /// Esc: clears the board's filter, or goes back; never quits (a stray Esc is common).
    case dismiss
    /// Every reason behind the selected account's colour and stall, in full.
    case why
    /// The agenda's first item due today (or the first after it).
    case today
    case open, filter
    case cycleSort = "cycle-sort"
    case reverseSort = "reverse-sort"
    case toggleMine = "toggle-mine"
    case reload
    case nextLane = "next-lane"
    case previousLane = "previous-lane"
    case previousCheckpoint = "previous-checkpoint"
    case nextCheckpoint = "next-checkpoint"
    case toggleDone = "toggle-done"
    case reject, block
    case markWaiting = "mark-waiting"
    case markInProgress = "mark-in-progress"
    case skip
    case deleteTask = "delete-task"
    case waitsOn = "waits-on"
    case linkCheckpoint = "link-checkpoint"
    case editHandoff = "edit-handoff"
    case addTask = "add-task"
    case editTitle = "edit-title"
    case changeDue = "change-due"
    case moveCheckpoint = "move-checkpoint"
    case moveGoLive = "move-go-live"
    case reassign
    case addNote = "add-note"
    case achieveCheckpoint = "achieve-checkpoint"
    case advanceStage = "advance-stage"
    case escalate
    case resolveEscalation = "resolve-escalation"
    /// Puts the account on hold, or resumes it when it is on hold.
    case hold
    case viewBoard = "view-board"
    case viewStalled = "view-stalled"
    case viewAgenda = "view-agenda"
    case viewMetrics = "view-metrics"
    case viewChanges = "view-changes"
    /// The changes screen's period: since your last review, the last 7 days, the last 30.
    case cyclePeriod = "cycle-period"
    case history
    case touchpoints
    case addTouchpoint = "add-touchpoint"
    /// The account's plan as bars over the days or weeks.
    case timeline
    /// The timeline's days: earlier, later, the plan's first and last.
    case scrollLeft = "scroll-left"
    case scrollRight = "scroll-right"
    case planStart = "plan-start"
    case planEnd = "plan-end"
    /// The timeline by day or by week.
    case cycleScale = "cycle-scale"
    case markReviewed = "mark-reviewed"
    /// Reviewed, with the next step and the day to follow up.
    case followUp = "follow-up"
    case reassignCSM = "reassign-csm"
    /// The recent status messages, whole: a long one is cut on the status line.
    case messages

    /// Whether the command writes to the store: a read-only board refuses these at once,
    /// before any question, and leaves them out of the key bar.
    public var changesData: Bool {
        switch self {
        case .resolveEscalation, .hold, .editHandoff, .undo, .redo, .toggleDone, .markInProgress, .skip, .deleteTask,
            .waitsOn,
            .linkCheckpoint, .reject, .block,
            .markWaiting, .addTask,
            .editTitle, .changeDue, .moveCheckpoint, .moveGoLive, .addTouchpoint, .reassign,
            .addNote, .achieveCheckpoint, .advanceStage, .escalate, .markReviewed, .followUp, .reassignCSM:
            true
        default:
            false
        }
    }
}

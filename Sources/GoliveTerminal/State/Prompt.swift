import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// A question on the bottom line. Esc cancels it, Enter answers it.
public struct Prompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case filter
        case blockReason(task: Int64)
        case rejectReason(task: Int64)
        case skipReason(task: Int64)
        case deleteReason(task: Int64)
        case waitsOn(task: Int64)
        case leadsTo(task: Int64)
        case newTaskTitle(lane: Lane)
        case newTaskOwner(lane: Lane, title: String)
        case newTaskDue(lane: Lane, title: String, owner: String)
        case editTitle(task: Int64)
        case due(task: Int64)
        /// The task's new due date pushes out other work (`shown`, as the question named it):
        /// move it too (y) or not (n).
        case shiftPushed(task: Int64, due: Day, shown: PushedOut)
        /// The work a task's move pushes out moves checkpoints: the one reason for them all.
        case shiftReason(task: Int64, due: Day, shown: PushedOut)
        /// A checkpoint's new due date (nil: the go-live's), then why it moves — the question
        /// naming what moves with it (`shown`).
        case checkpointDue(checkpoint: Int64?)
        case moveReason(checkpoint: Int64?, to: Day, shown: PushedOut)
        case owner(task: Int64)
        case note
        case customerConfirmation(checkpoint: Int64, override: String?)
        /// Why a checkpoint of a stage not reached is achieved all the same.
        case checkpointOverride(checkpoint: Int64)
        case overrideReason
        case escalationReason
        case escalationTo(reason: String)
        case resolution
        case holdReason
        case holdUntil(reason: String)
        /// What ended the hold; may be left empty.
        case resumeNote
        /// Resuming: move the open plan by the days held too (y) or not (n).
        case resumeShift(note: String?)
        /// A review's next step, then the day to follow up on it.
        case nextStep
        case followUpDay(step: String)
        /// What came of a held touchpoint.
        case touchpointOutcome(touchpoint: Int64)
        case newTouchpointDay
        case newTouchpointAudience(day: Day)
        case newTouchpointChannel(day: Day, audience: String)
        case newTouchpointObjective(day: Day, audience: String, channel: String)
        /// One field of the handoff record at a time, the draft carried to the last.
        case handoff(step: Int, draft: Handoff)
        /// The new CSM's name, read as `csm:` reads one. `new`: a name that is no CSM yet, as
        /// it was when Enter was pressed on it; Enter again on the same text makes that CSM.
        case csm(new: String?)
        /// After the new CSM's name: give them the old CSM's open internal tasks too (y) or not (n).
        case csmTasks(csm: String)
        /// A key that would have asked a question and cannot: the question line still opens,
        /// says why, and takes what the user types next, so that typing never runs as
        /// commands. Answering it changes nothing.
        case refusal(String)

        /// What an empty answer would leave out, for the questions that need one.
        var needs: String? {
            switch self {
            case .blockReason, .rejectReason, .skipReason, .deleteReason, .overrideReason, .escalationReason,
                .checkpointOverride:
                "a reason"
            case .escalationTo: "who it went to"
            case .resolution: "what resolved it"
            case .holdReason, .moveReason, .shiftReason: "a reason"
            case .nextStep: "the next step"
            case .followUpDay: "a date"
            case .shiftPushed, .resumeShift, .csmTasks: "y or n"
            case .touchpointOutcome: "what came of it"
            case .newTouchpointDay: "a date"
            case .newTouchpointAudience: "the audience"
            case .newTouchpointChannel: "the channel"
            case .newTouchpointObjective: "the objective"
            case .checkpointDue: "a date"
            case .holdUntil: "a date"
            case .customerConfirmation: "who confirmed"
            case .editTitle, .newTaskTitle: "a title"
            case .owner, .newTaskOwner: "an owner"
            case .note: "the note"
            case .csm: "the CSM's name"
            case .due, .newTaskDue: "a date"
            case .waitsOn: "a task"
            case .filter, .refusal, .leadsTo, .handoff, .resumeNote: nil
            }
        }

        /// Questions whose answer is a person's name: Tab completes a known one.
        var asksForAName: Bool {
            switch self {
            case .owner, .newTaskOwner, .csm, .customerConfirmation, .waitsOn, .leadsTo: true
            default: false
            }
        }

        /// Date prompts take + and - to move a day.
        public var asksForADate: Bool {
            switch self {
            case .due, .newTaskDue, .holdUntil, .checkpointDue, .newTouchpointDay, .followUpDay: true
            default: false
            }
        }
    }
    public var purpose: Purpose
    public var label: String
    public var text: String
    /// The account the answer is about (the stalled review acts on its selected row).
    public var account: Int64?
    /// The row being edited as it was when the question was asked: an answer given after
    /// someone else changed that row is refused, even if the screen refreshed meanwhile.
    public var expected: RowVersion?
    /// Why the last answer was not taken (an empty reason, say), shown on the question line.
    public var problem: String?
    /// What was typed before Tab began completing it (Tab again gives the next name).
    public var completionStem: String?
    /// Where typing goes, in characters from the answer's start.
    public var cursor: Int
    /// An answer the question opened with is selected, as a field's is: the first key typed
    /// replaces it rather than running on from it.
    public var selected: Bool
    /// The date a date question moves: `+7` counts from it (nil: from today).
    public var from: Day?

    public init(
        purpose: Purpose, label: String, text: String, account: Int64? = nil, expected: RowVersion? = nil,
        from: Day? = nil
    ) {
        self.purpose = purpose
        self.label = label
        self.text = text
        self.account = account
        self.expected = expected
        self.cursor = text.count
        self.selected = !text.isEmpty
        self.from = from
    }

    /// The question line of a refused key (see `Purpose.refusal`).
    static func refusal(_ reason: String) -> Prompt {
        Prompt(purpose: .refusal(reason), label: "\(reason) — nothing will change (Esc)", text: "")
    }

    /// The row a question is about, at its version in `a`.
    static func expectation(_ purpose: Purpose, in a: Account) -> RowVersion? {
        switch purpose {
        case .blockReason(let t), .rejectReason(let t), .skipReason(let t), .deleteReason(let t), .editTitle(let t),
            .due(let t), .owner(let t), .waitsOn(let t), .leadsTo(let t), .shiftPushed(let t, _, _),
            .shiftReason(let t, _, _):
            return a.task(t).map { .task(t, $0.version) }
        case .customerConfirmation(let c, _), .checkpointOverride(let c), .checkpointDue(.some(let c)),
            .moveReason(.some(let c), _, _):
            return a.checkpoint(c).map { .checkpoint(c, $0.version) }
        case .overrideReason, .escalationReason, .escalationTo, .resolution, .csm, .csmTasks, .handoff, .holdReason,
            .holdUntil,
            .resumeNote, .resumeShift, .checkpointDue(nil), .moveReason(nil, _, _), .touchpointOutcome:
            return .account(a.version)
        case .filter, .newTaskTitle, .newTaskOwner, .newTaskDue, .note, .refusal, .newTouchpointDay, .nextStep,
            .followUpDay,
            .newTouchpointAudience, .newTouchpointChannel, .newTouchpointObjective:
            return nil
        }
    }
}

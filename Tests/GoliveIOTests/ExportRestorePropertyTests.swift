import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

/// Any sequence of changes the update function accepts leaves a store whose export
/// restores, and to the same export: every way in keeps the limits restore keeps. The
/// texts are drawn to sit on both sides of each limit (200 and 2,000 characters, control
/// characters, line breaks, combining marks, right-to-left text).
struct ExportRestorePropertyTests {
    /// Knuth's MMIX generator: a failing seed runs the same again.
    struct Random {
        var x: UInt64
        mutating func next(_ n: Int) -> Int {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((x >> 33) % UInt64(n))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static let texts: [String] = [
        "ok", "  padded  ", "two\nlines", "tab\there", "e\u{301}clair", "שלום", "東京", "🚀 launch", "a | b * _c_",
        "<script>x</script>", String(repeating: "n", count: Limits.nameLength),
        String(repeating: "n", count: Limits.nameLength + 1), String(repeating: "t", count: Limits.textLength),
        String(repeating: "t", count: Limits.textLength + 1), "esc \u{1B}[2J", "bell\u{07}", "c1 \u{9B}", "", "   ",
    ]

    func randomChange(_ a: Account, _ r: inout Random, today: Day) -> Change {
        let text = r.pick(Self.texts)
        let day = today + (r.next(400) - 100)
        let taskID = a.tasks.isEmpty ? 0 : r.pick(a.tasks).id
        let checkpointID = a.checkpoints.isEmpty ? 0 : r.pick(a.checkpoints).id
        let touchpointID = a.touchpoints.isEmpty ? 0 : r.pick(a.touchpoints).id
        switch r.next(19) {
        case 0:
            return .addTask(
                lane: r.pick(Lane.allCases), title: text, owner: r.pick(Self.texts), due: day, checkpoint: nil)
        case 1: return .editTaskTitle(task: taskID, title: text)
        case 2: return .setTaskDue(task: taskID, due: day, shift: r.next(2) == 0)
        case 3: return .reassignTask(task: taskID, owner: text)
        case 4: return .setTaskStatus(task: taskID, to: r.pick(TaskStatus.allCases), reason: text)
        case 5: return .deleteTask(task: taskID, reason: text)
        case 6: return .addNote(text: text, task: r.next(2) == 0 ? taskID : nil)
        case 7: return .moveCheckpoint(checkpoint: checkpointID, to: day, reason: text)
        case 8: return .moveGoLive(to: day, reason: text)
        case 9: return .markTouchpoint(touchpoint: touchpointID, state: r.pick([.held, .missed, nil]), outcome: text)
        case 10:
            return .addTouchpoint(on: day, audience: text, channel: r.pick(Self.texts), objective: r.pick(Self.texts))
        case 11: return .escalate(reason: text, to: r.next(2) == 0 ? nil : r.pick(Self.texts))
        case 12: return .clearEscalation(note: r.next(2) == 0 ? nil : text)
        case 13: return .hold(reason: text, until: day)
        case 14: return .resume(note: r.next(2) == 0 ? nil : text)
        case 15: return .reassignCSM(to: text)
        case 16:
            return .editHandoff(Handoff(goals: text, requirements: r.pick(Self.texts), promises: r.pick(Self.texts)))
        case 17: return .followUp(nextStep: text, on: day)
        default:
            return .achieveCheckpoint(checkpoint: checkpointID, confirmedBy: text, overrideReason: r.pick(Self.texts))
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func anySequenceOfAcceptedChangesLeavesAStoreWhoseExportRestoresToTheSameExport(_ seed: UInt64) throws {
        let dir = TempDir()
        let store = try GoliveIOTests.seededStore(in: dir, accounts: 6, seed: seed, name: "a.sqlite", batch: 10)
        let today = day("2026-11-22")
        var r = Random(x: seed)
        var accepted = 0
        for _ in 0..<400 {
            let accounts = try store.accounts()
            let a = r.pick(accounts)
            let change = randomChange(a, &r, today: today)
            let who = r.next(10) == 0 ? r.pick(Self.texts) : "lee"
            do {
                try store.perform(change, on: a.id, who: who, today: today)
                accepted += 1
            } catch is Refusal {
                continue
            }
        }
        #expect(accepted > 100, "too few changes taken to prove anything: \(accepted)")
        let first = try ExportDocument.make(from: store).json()
        try first.write(to: URL(fileURLWithPath: dir.file("export.json")))
        let restored = try Store(path: dir.file("b.sqlite"), mode: .create)
        _ = try ExportFile.open(path: dir.file("export.json")).restore(into: restored)
        #expect(try ExportDocument.make(from: restored).json() == first)
    }
}

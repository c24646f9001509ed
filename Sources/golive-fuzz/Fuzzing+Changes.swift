import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

extension Fuzzing {
    /// What the change commands and prompts pass on: each input is a list of changes (split
    /// at 0xFF), each a kind, an account, a target row and a day offset (four bytes) and its
    /// text (the rest, any bytes). Each is saved or refused; at the end the store's export
    /// must restore, and to the same export — every way in keeps the limits restore keeps.
    static func changes(_ data: Data) {
        let path = "\(scratch)/changes.sqlite"
        let restored = "\(scratch)/changes-restored.sqlite"
        for p in [path, restored] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: p + suffix) }
        }
        do {
            try FileManager.default.copyItem(atPath: seededStore, toPath: path)
            let store = try Store(path: path, mode: .readWrite)
            let accounts = try store.accounts()
            for part in data.split(separator: 0xFF) where part.count >= 4 {
                let bytes = Array(part)
                let a = accounts[Int(bytes[1]) % accounts.count]
                let account = try store.account(a.id) ?? a
                let text = String(decoding: bytes.dropFirst(4), as: UTF8.self)
                let day = today + (Int(bytes[3]) - 128) * 30
                let change = Self.change(Int(bytes[0]), on: account, row: Int(bytes[2]), day: day, text: text)
                let who = bytes[0] >= 240 ? text : "fuzz"
                _ = try? store.perform(change, on: a.id, who: who, today: today)
            }
            let first = try ExportDocument.make(from: store).json()
            let json = "\(scratch)/changes.json"
            try first.write(to: URL(fileURLWithPath: json))
            let copy = try Store(path: restored, mode: .create)
            do {
                _ = try ExportFile.open(path: json).restore(into: copy)
            } catch {
                preconditionFailure("accepted changes left an export that does not restore: \(error)")
            }
            let second = try ExportDocument.make(from: copy).json()
            precondition(second == first, "the restored store exports otherwise")
        } catch {
            fatalError("changes: \(error)")
        }
    }

    static func change(_ kind: Int, on a: Account, row: Int, day: Day, text: String) -> Change {
        let task = a.tasks.isEmpty ? 0 : a.tasks[row % a.tasks.count].id
        let checkpoint = a.checkpoints.isEmpty ? 0 : a.checkpoints[row % a.checkpoints.count].id
        let touchpoint = a.touchpoints.isEmpty ? 0 : a.touchpoints[row % a.touchpoints.count].id
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func part(_ i: Int) -> String { i < lines.count ? lines[i] : text }
        switch kind % 20 {
        case 0: return .addTask(lane: Lane.allCases[row % 3], title: part(0), owner: part(1), due: day, checkpoint: nil)
        case 1: return .editTaskTitle(task: task, title: text)
        case 2: return .setTaskDue(task: task, due: day, shift: row % 2 == 0, reason: row % 4 == 0 ? text : nil)
        case 3: return .reassignTask(task: task, owner: text)
        case 4:
            return .setTaskStatus(task: task, to: TaskStatus.allCases[row % TaskStatus.allCases.count], reason: text)
        case 5: return .deleteTask(task: task, reason: text)
        case 6: return .addNote(text: text, task: row % 2 == 0 ? task : nil)
        case 7: return .moveCheckpoint(checkpoint: checkpoint, to: day, reason: text, only: row % 3 == 0)
        case 8: return .moveGoLive(to: day, reason: text, only: row % 3 == 0)
        case 9: return .markTouchpoint(touchpoint: touchpoint, state: [.held, .missed, nil][row % 3], outcome: text)
        case 10: return .addTouchpoint(on: day, audience: part(0), channel: part(1), objective: part(2))
        case 11: return .escalate(reason: part(0), to: row % 2 == 0 ? nil : part(1))
        case 12: return .clearEscalation(note: row % 2 == 0 ? nil : text)
        case 13: return .hold(reason: text, until: day)
        case 14: return .resume(note: row % 2 == 0 ? nil : text, shiftPlan: row % 3 == 0)
        case 15: return .reassignCSM(to: text)
        case 16:
            let stakeholders = Handoff.stakeholders(from: part(3)) ?? []
            return .editHandoff(
                Handoff(goals: part(0), requirements: part(1), stakeholders: stakeholders, promises: part(2)))
        case 17: return .followUp(nextStep: text, on: day)
        case 18:
            return .setDependency(
                task: task, on: a.tasks.isEmpty ? 0 : a.tasks[(row / 3) % a.tasks.count].id, waits: row % 2 == 0)
        default: return .achieveCheckpoint(checkpoint: checkpoint, confirmedBy: part(0), overrideReason: part(1))
        }
    }
}

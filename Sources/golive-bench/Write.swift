import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

/// A writer for the safety tests: performs `--actions` changes on random tasks of the
/// store, through the same store API the terminal uses, and prints the id of each event
/// as soon as its transaction committed ("saved"). Several run at once against one file;
/// one may be killed at any moment.
struct Write: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Perform random saved actions; print each saved event id.")
    @Option var store: String
    @Option var actions = 500
    @Option var seed: UInt64 = 1
    @Option var user = "writer"
    @Option(help: "Milliseconds between actions (0: as fast as it can).") var every = 0

    func run() throws {
        let s = try Store(path: store, mode: .readWrite)
        let ids = try s.accountIDs()
        var rng = SeededRandom(seed: seed)
        var done = 0
        while done < actions {
            let id = ids[Int.random(in: 0..<ids.count, using: &rng)]
            guard let a = try s.account(id) else { continue }
            let open = a.tasks.filter { $0.lane != .approval }
            guard let t = open.randomElement(using: &rng) else { continue }
            let change: Change =
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: .setTaskDue(task: t.id, due: t.due + 1)
                case 1: .reassignTask(task: t.id, owner: t.owner == user ? "someone" : user)
                case 2: .addNote(text: "note \(done) from \(user)", task: t.id)
                default: .setTaskStatus(task: t.id, to: t.status == .waiting ? .open : .waiting, reason: nil)
                }
            do {
                let (_, e) = try s.perform(
                    change, on: id, who: user, today: asOf, now: benchNow, expected: a.expectation(for: change))
                // Unbuffered: a line on stdout means the commit happened, even if we die next.
                FileHandle.standardOutput.write(Data("\(e.id)\n".utf8))
                done += 1
                if every > 0 { usleep(UInt32(every) * 1_000) }
            } catch let r as Refusal where r.message.hasPrefix("changed by") {
                continue  // another writer got there first: reload and try another
            }
        }
    }
}

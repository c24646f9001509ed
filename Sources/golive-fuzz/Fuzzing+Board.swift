import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

extension Fuzzing {
    static let today = Day(year: 2026, month: 11, day: 22)

    /// A seeded portfolio made once; every input starts from a fresh copy of it.
    static let seededStore: String = {
        let path = "\(scratch)/seeded.sqlite"
        do {
            let catalog = try PlaybookCatalog.load(userDirectory: nil)
            let store = try Store(path: path, mode: .create)
            try Operations.seed(
                Seeder(accounts: 12, tasksPerAccount: nil, csms: 3, seed: 21, asOf: today, catalog: catalog),
                into: store)
            _ = try store.checkpoint()
        } catch {
            fatalError("cannot seed \(path): \(error)")
        }
        return path
    }()

    /// The keys a byte stands for: every bound key, and the editing keys and characters a
    /// prompt sees, so a byte stream is any sequence a user could press.
    static let keys: [Key] = {
        let bound = Set(KeyTable.defaults.bindings.flatMap(\.keys)).subtracting([.ctrl("c")])
        let extra: [Key] = [
            .enter, .escape, .backspace, .tab, .backTab, .delete, .left, .right, .up, .down, .home, .end, .pageUp,
            .pageDown, .ctrl("u"), .ctrl("a"), .ctrl("e"), .ctrl("w"), .char(" "), .char("+"), .char("-"),
            .char("0"), .char("1"), .char("2"), .char("é"), .char("東"), .char("\u{301}"), .char("\u{1B}"),
            .char("\u{7}"), .char("|"), .char("="),
        ]
        return bound.sorted { $0.description < $1.description } + extra
    }()

    /// Arbitrary key sequences through the real update function on a real store. Byte 255
    /// is a resize (to the next two bytes); after every key the frame must fit the terminal,
    /// the selection stay on the board, and every saved change be one event; at the end the
    /// store must be sound.
    static func board(_ data: Data) {
        let path = "\(scratch)/board.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        do {
            try FileManager.default.copyItem(atPath: seededStore, toPath: path)
            let store = try Store(path: path, mode: .readWrite)
            let eventsAtStart = try store.events().count
            var session = try start(store)
            var saved = 0
            var bytes = data.makeIterator()
            while let byte = bytes.next() {
                if byte == 255 {
                    let width = 20 + Int(bytes.next() ?? 0) % 200
                    let height = 4 + Int(bytes.next() ?? 0) % 60
                    session.send(.resize(width: width, height: height))
                } else {
                    session.send(.key(keys[Int(byte) % keys.count]))
                }
                check(session.state)
                if session.state.quitting {
                    saved += session.savedChanges
                    session = try start(store)
                }
            }
            saved += session.savedChanges
            let events = try store.events().count - eventsAtStart
            precondition(events == saved, "\(saved) changes saved but \(events) events written")
            let verdict = try store.integrityCheck()
            precondition(verdict == "ok", "the store is unsound after the keys: \(verdict)")
        } catch {
            fatalError("the board failed on a sound store: \(error)")
        }
    }

    static func start(_ store: Store) throws -> Session {
        let state = AppState(try Session.snapshot(store, user: "lee"), today: today, user: "lee", width: 80, height: 24)
        let session = Session(store: store, state: state)
        session.now = { Date(timeIntervalSince1970: 1_795_341_600) }
        return session
    }

    static func check(_ state: AppState) {
        if let i = state.selectedIndex { precondition(i >= 0 && i < state.visible.count, "selection off the board") }
        let canvas = Renderer(glyphs: Glyphs(unicode: true)).render(state)
        for line in canvas.lines { precondition(Text.width(line) <= state.width, "a line wider than the terminal") }
    }
}

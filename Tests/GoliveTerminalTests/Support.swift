import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport

@testable import GoliveTerminal

let today = Day(iso: "2026-11-22")!
let builtins = try! PlaybookCatalog.load(userDirectory: nil)

/// A store holding two hand-made accounts on the enterprise playbook (contract signed
/// 2026-10-20, so on 2026-11-22 the early checkpoints are due) plus a seeded portfolio
/// around them for the board.
func makeStore(_ dir: TempDir, seeded: Int = 0, on kind: StoreKind = .file) throws -> Store {
    let store = try Store(path: try kind.location("s.sqlite", in: dir.path), mode: .create)
    if seeded > 0 {
        try Operations.seed(
            Seeder(accounts: seeded, tasksPerAccount: nil, csms: 3, seed: 21, asOf: today, catalog: builtins),
            into: store)
    }
    let p = builtins.playbook(named: "enterprise-high-touch")!
    try store.write { tx in
        try tx.upsert(StoredPlaybook(name: p.name, title: p.title, thresholds: p.thresholds))
        var next = try tx.nextID()
        for (name, csm) in [("Zürich Re 東京", "lee"), ("Acme 🚀 Labs", "Ana Souza")] {
            var a = p.apply(
                to: AccountInfo(
                    name: name, segment: .enterprise, arr: 480_000, csm: csm, salesOwner: "Sam",
                    contractSigned: Day(iso: "2026-10-20")!, targetGoLive: Day(iso: "2026-12-20")!,
                    handoff: Handoff(
                        goals: "one view of every shipment",
                        stakeholders: [Stakeholder(role: "champion", name: "Mia Vogel")])),
                nextID: &next)
            a.lastActivity = today
            try tx.insert(a)
        }
        try tx.setNextID(next)
    }
    return store
}

/// Another connection to `store`, as another golive process would open it.
func again(_ store: Store, mode: Store.Mode = .readWrite) throws -> Store {
    guard store.isTeamStore else { return try Store(path: store.path, mode: mode) }
    // The store's own name for itself leaves the password out.
    return try Store(path: PostgresServer.shared.url(database: PostgresServer.database(of: store.path)), mode: mode)
}

func session(_ store: Store, width: Int = 120, height: Int = 40, user: String = "lee") throws -> Session {
    let s = Session(
        store: store,
        state: AppState(
            try Session.snapshot(store, user: user), today: today, user: user, readOnly: store.readOnly,
            width: width, height: height))
    s.now = { Date(timeIntervalSince1970: 1_795_341_600) }  // 2026-11-22T10:00:00Z
    return s
}

extension Session {
    /// Polls until another connection's commit is seen (a team store hears of it from the
    /// server a moment after the commit; a file at once), or 3 s have passed.
    func pollUntilChanged(now: Date = Date()) -> Bool {
        let deadline = Date().addingTimeInterval(3)
        repeat {
            if poll(now: now) { return true }
            usleep(1_000)
        } while Date() < deadline
        return false
    }

    /// Opens the named account from the board (filtering to it first).
    func open(_ name: String) {
        press(.char("/"))
        type(name)
        press(.enter, .enter)
    }

    var account: Account { state.currentAccount! }
    var selectedTask: OnboardingTask? { state.selectedTask(in: account) }

    /// Moves the selection in the focused lane to the task with this title.
    func select(_ title: String) {
        press(.char("g"))
        for _ in 0..<40 where selectedTask?.title != title { press(.char("j")) }
    }

    func focus(_ lane: Lane) {
        for _ in 0..<3 where state.focus?.lane != lane { press(.tab) }
    }
}

/// A session on a fresh store with the account "Zürich Re 東京" open.
func openedZurich(width: Int = 120, height: Int = 40, on kind: StoreKind = .file) throws -> (
    TempDir, Store, Session
) {
    let dir = TempDir()
    let store = try makeStore(dir, on: kind)
    let s = try session(store, width: width, height: height)
    s.open("Zürich")
    return (dir, store, s)
}

import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveStore

func sampleAccount(id: Int64 = 1, name: String = "Acme") -> Account {
    let d = Day(iso: "2026-01-01")!
    return Account(
        id: id, name: name, segment: .enterprise, arr: 1000, csm: "Ana", salesOwner: "Sam",
        contractSigned: d, targetGoLive: d + 30, playbook: "test", lastActivity: d,
        stages: [
            Stage(key: "setup", name: "Setup", slaDays: 10, enteredOn: d), Stage(key: "live", name: "Live", slaDays: 5),
        ],
        checkpoints: [Checkpoint(id: id * 100 + 1, key: "ready", name: "Ready", stage: "setup", due: d + 10)],
        tasks: [
            OnboardingTask(
                id: id * 100 + 2, title: "Build", lane: .internal, owner: "Ana", due: d + 5, statusSince: d,
                checkpointID: id * 100 + 1),
            OnboardingTask(
                id: id * 100 + 3, title: "Test", lane: .internal, owner: "Ana", due: d + 6, statusSince: d,
                checkpointID: id * 100 + 1, dependsOn: [id * 100 + 2]),
        ])
}

func seeded(_ dir: TempDir, accounts: [Account] = [sampleAccount()]) throws -> Store {
    try seeded(at: dir.file("s.sqlite"), accounts: accounts)
}

/// A seeded store of `kind`, and where to open it again (a team store's URL keeps its
/// password, which the store's own `path` leaves out).
func seeded(_ dir: TempDir, on kind: StoreKind, accounts: [Account] = [sampleAccount()]) throws -> (
    store: Store, location: String
) {
    let location = kind == .file ? dir.file("s.sqlite") : try PostgresServer.shared.newDatabase()
    return (try seeded(at: location, accounts: accounts), location)
}

private func seeded(at location: String, accounts: [Account]) throws -> Store {
    let store = try Store(path: location, mode: .create)
    try store.write { tx in
        try tx.upsert(StoredPlaybook(name: "test", title: "Test", thresholds: Thresholds()))
        for a in accounts { try tx.insert(a) }
        try tx.setNextID(1000)
    }
    return store
}

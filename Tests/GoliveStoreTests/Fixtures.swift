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
    let store = try Store(path: dir.file("s.sqlite"), mode: .create)
    try store.write { tx in
        try tx.upsert(StoredPlaybook(name: "test", title: "Test", thresholds: Thresholds()))
        for a in accounts { try tx.insert(a) }
        try tx.setNextID(1000)
    }
    return store
}

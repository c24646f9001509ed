import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

/// No seeded, imported or playbook-laid plan is ever out of stage order.
struct PlanOrderSeedTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func everySeededPlanIsInStageOrder(_ seed: UInt64) throws {
        let dir = TempDir()
        let store = try GoliveIOTests.seededStore(in: dir, accounts: 300, seed: seed)
        let accounts = try store.accounts()
        #expect(accounts.count == 300)
        let out = accounts.filter { !$0.isInStageOrder }.map(\.name)
        #expect(out.isEmpty, "out of stage order: \(out)")
    }

    /// Every built-in playbook, every segment, a target go-live from 70 days before its
    /// template's to 70 after: the go-live on the target, the plan in order, no checkpoint
    /// before the plan starts (or the target, where that is earlier).
    @Test func everyBuiltInPlaybookLaysOutAPlanInOrderWhateverTheTarget() throws {
        for entry in GoliveIOTests.builtins.entries {
            let p = entry.playbook
            #expect(p.problems().isEmpty, "\(p.name): \(p.problems())")
            for segment in Segment.allCases {
                for days in stride(from: -70, through: 70, by: 1) {
                    var next: Int64 = 1
                    let start = day("2026-03-01")
                    let template = p.apply(
                        to: AccountInfo(name: "T", segment: segment, arr: 1, csm: "Ana", contractSigned: start),
                        nextID: &next)
                    let target = template.goLive + days
                    // Signed long before it arrived: the plan starts on arrival, maybe after the target.
                    var info = AccountInfo(
                        name: "A", segment: segment, arr: 1, csm: "Ana", contractSigned: day("2026-01-01"),
                        targetGoLive: target)
                    info.planStart = start
                    let a = p.apply(to: info, nextID: &next)
                    #expect(a.isInStageOrder, "\(p.name) \(segment) \(days): \(a.stageOrderBreaks())")
                    #expect(a.goLive == target && a.targetGoLive == target)
                    #expect(a.checkpoints.allSatisfy { $0.replan == nil && $0.due >= min(start, target) })
                }
            }
        }
    }

    @Test func anImportWithATargetEarlierThanThePlaybooksIsLaidOutInOrder() throws {
        let dir = TempDir()
        let store = try Store(path: dir.file("s.sqlite"), mode: .create)
        let rows = try CSVImport.parse(
            Data(
                ("Account Name,CSM,Segment,ARR,Contract Signed,Target Go-Live,Account Executive\n"
                    + "Tight,Ana,enterprise,100000,2026-01-02,2026-01-20,Sam\n"
                    + "Loose,Ana,enterprise,100000,2026-01-02,2026-06-20,Sam\n").utf8), file: "won.csv")
        _ = try Operations.importAccounts(
            rows, file: "won.csv", catalog: GoliveIOTests.builtins, playbook: nil, into: store, who: "lee",
            today: day("2026-01-02"))
        for a in try store.accounts() {
            #expect(a.isInStageOrder, "\(a.name): \(a.stageOrderBreaks())")
            #expect(a.goLive == a.targetGoLive)
        }
        let loose = try #require(try store.accounts().first { $0.name == "Loose" })
        let transition = try #require(loose.checkpoints.last)
        #expect(transition.due - loose.goLive == 14, "the transition keeps its days after the go-live")
    }
}

extension PlanOrderSeedTests {
    /// A backup restores as it was saved, even a plan an older golive left out of order (T
    /// moved the go-live past Transition to success); the first move that touches it puts
    /// what it touches in order.
    @Test func aBackupOfAPlanOutOfOrderRestoresAsSavedAndTheNextMoveOrdersIt() throws {
        let dir = TempDir()
        let store = try Store(path: dir.file("a.sqlite"), mode: .create)
        let p = try #require(GoliveIOTests.builtins.playbook(named: "enterprise-high-touch"))
        try store.write { tx in
            try tx.upsert(StoredPlaybook(name: p.name, title: p.title, thresholds: p.thresholds))
            var next = try tx.nextID()
            var a = p.apply(
                to: AccountInfo(
                    name: "Acme", segment: .enterprise, arr: 1, csm: "Ana", salesOwner: "Sam",
                    contractSigned: day("2026-10-20"),
                    targetGoLive: day("2026-12-20")),
                nextID: &next)
            let live = try #require(a.checkpoints.firstIndex { $0.milestone == .goLive })
            a.checkpoints[live].due = day("2027-01-10")
            a.targetGoLive = day("2027-01-10")
            #expect(!a.isInStageOrder)
            try tx.insert(a)
            try tx.setNextID(next)
        }
        let first = try ExportDocument.make(from: store).json()
        try first.write(to: URL(fileURLWithPath: dir.file("export.json")))
        let restored = try Store(path: dir.file("b.sqlite"), mode: .create)
        _ = try ExportFile.open(path: dir.file("export.json")).restore(into: restored)
        #expect(try ExportDocument.make(from: restored).json() == first)
        let a = try #require(try restored.accounts().first)
        #expect(!a.isInStageOrder)
        let (after, _) = try restored.perform(
            .moveGoLive(to: day("2027-01-12"), reason: "customer holidays"), on: a.id, who: "lee",
            today: day("2026-11-22"))
        #expect(after.isInStageOrder, "\(after.stageOrderBreaks())")
        #expect(after.checkpoints.last?.due == day("2027-01-12"))
    }
}

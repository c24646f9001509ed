import CSV
import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

struct OverdueQueryTests {
    /// The overdue report comes from the index of open tasks and the stalled report from the
    /// accounts' facts: each must equal the report computed from every whole account.
    @Test func reportsReadThroughIndexesAndFactsEqualThoseComputedFromEveryAccount() throws {
        let dir = TempDir()
        let store = try Store(path: dir.file("s.sqlite"), mode: .create)
        try Operations.seed(
            Seeder(accounts: 80, tasksPerAccount: nil, csms: 3, seed: 5, asOf: ReportTests.today, catalog: builtins),
            into: store)
        let accounts = try store.accounts()
        for csm in [nil, "ana souza"] as [String?] {
            let computed = Reports(accounts: accounts, everEscalated: [], today: ReportTests.today, csm: csm)
            for kind in [ReportKind.overdue, .stalled] {
                let read = try Reports.read(kind, from: store, today: ReportTests.today, csm: csm)
                #expect(kind == .overdue ? read.overdue() == computed.overdue() : read.stalled() == computed.stalled())
                #expect(kind == .overdue ? !computed.overdue().isEmpty : !computed.stalled().isEmpty)
                for format in ReportFormat.allCases {
                    #expect(try read.render(kind, as: format) == computed.render(kind, as: format), "\(kind) \(format)")
                }
            }
        }
    }
}

import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveStore

/// The packed rule views read back exactly as written, whatever the text holds, and a
/// damaged one is read whole from the tables instead of misread.
struct RuleViewPackingTests {
    static func account() -> Account {
        var a = sampleAccount(id: 7, name: "Zürich Re 東京 \"quoted\" \u{1B}[31m")
        let d = a.contractSigned
        a.salesOwner = "Sam — sales"
        a.goLivePlan = Replan(baseline: d + 20, moves: 3)
        a.escalation = Escalation(reason: "sponsor left\nagain", by: "lee", on: d + 4, to: nil)
        a.holds = [
            Hold(reason: "freeze", by: "ana", from: d + 1, expectedResume: d + 5, resumedOn: d + 3, resumeNote: "ok"),
            Hold(reason: "", by: "ana", from: d + 8, expectedResume: d + 12),
        ]
        a.handoff = Handoff(
            goals: "go live", requirements: "", stakeholders: [Stakeholder(role: "Sponsor", name: "Mia", contact: nil)],
            promises: "SSO ✓")
        a.stages[0].overrideReason = "the lead's call"
        a.touchpoints = [
            Touchpoint(id: 90, on: d + 2, audience: "Sponsor", channel: "call", objective: "kick-off"),
            Touchpoint(
                id: 91, on: d + 3, audience: "IT", channel: "mail", objective: "SSO", state: .held, outcome: "fine",
                markedOn: d + 3),
        ]
        return a
    }

    @Test func packedViewsReadBackTheSame() throws {
        let a = Self.account()
        #expect(!a.tasks.isEmpty && !a.checkpoints.isEmpty && !a.stages.isEmpty)
        let row = try Self.row(a, RuleViewRows.pack(a))
        #expect(try RuleViewRows.unpack(row, thresholds: ["test": a.thresholds]) == a)
    }

    @Test func damagedBytesAreRefused() throws {
        let a = Self.account()
        let data = RuleViewRows.pack(a)
        for cut in [1, 4, 9, data.count / 2] {
            #expect(try RuleViewRows.unpack(Self.row(a, data.dropLast(cut)), thresholds: [:]) == nil, "cut \(cut)")
        }
        #expect(try RuleViewRows.unpack(Self.row(a, data + Data([0, 0, 0, 0])), thresholds: [:]) == nil)
    }

    @Test func aDamagedViewIsReadWholeFromTheTables() throws {
        let dir = TempDir()
        let a = Self.account()
        let store = try seeded(dir, accounts: [a])
        try store.write { tx in try tx.db.execute(sql: "UPDATE account_rule_views SET rule_view = x'0102'") }
        #expect(try store.ruleViews() == [try #require(try store.account(a.id)).ruleView])
    }

    /// A facts row as `RuleViewRows.all` selects it.
    static func row(_ a: Account, _ data: Data) throws -> Row {
        let db = try DatabaseQueue()
        return try db.read { db in
            try #require(
                try Row.fetchOne(
                    db, sql: "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?",
                    arguments: [
                        a.id, a.name, a.segment.rawValue, a.arr, a.csm, a.version, a.playbook, a.contractSigned.ordinal,
                        a.completedOn?.ordinal, a.lastActivity.ordinal, data,
                    ]))
        }
    }
}

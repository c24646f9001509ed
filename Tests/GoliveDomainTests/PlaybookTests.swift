import Testing

@testable import GoliveDomain

struct PlaybookTests {
    static func small(tasks: [Playbook.TaskTemplate]? = nil, sla: Int = 5, checkpointStage: String = "setup")
        -> Playbook
    {
        Playbook(
            name: "p", title: "P",
            stages: [
                .init(key: "setup", name: "Setup", sla: [.enterprise: sla, .midMarket: 4, .smb: 3]),
                .init(key: "live", name: "Live", sla: [.enterprise: 2, .midMarket: 2, .smb: 2]),
            ],
            checkpoints: [
                .init(key: "ready", name: "Ready", stage: checkpointStage, dueOffset: 10),
                .init(
                    key: "golive", name: "Go-live", stage: "live", dueOffset: 20, customerConfirms: true,
                    milestone: .goLive),
            ],
            tasks: tasks ?? [
                .init(key: "a", title: "A", lane: .internal, ownerRole: "csm", dueOffset: 3, checkpoint: "ready"),
                .init(
                    key: "b", title: "B", lane: .customer, ownerRole: "it", dueOffset: 5, checkpoint: "ready",
                    dependsOn: ["a"]),
                .init(
                    key: "c", title: "C", lane: .approval, ownerRole: "exec_sponsor", dueOffset: 18,
                    checkpoint: "golive"),
            ],
            touchpoints: [.init(day: 0, audience: "champion", channel: "email", objective: "welcome")])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var playbook: Playbook
        var reason: String
        var path: [Playbook.PathElement]
        var testDescription: String { name }
    }
    static let cases: [Case] = [
        .init(
            name: "negative SLA", playbook: small(sla: -1), reason: "negative SLA (-1 days) for stage 'setup'",
            path: [.key("stages"), .index(0), .key("sla"), .key("enterprise")]),
        .init(
            name: "unknown stage", playbook: small(checkpointStage: "nowhere"), reason: "unknown stage 'nowhere'",
            path: [.key("checkpoints"), .index(0), .key("stage")]),
        .init(
            name: "unknown checkpoint",
            playbook: small(tasks: [
                .init(key: "a", title: "A", lane: .internal, ownerRole: "csm", dueOffset: 1, checkpoint: "zzz")
            ]),
            reason: "unknown checkpoint 'zzz'", path: [.key("tasks"), .index(0), .key("checkpoint")]),
        .init(
            name: "unknown dependency",
            playbook: small(tasks: [
                .init(
                    key: "a", title: "A", lane: .internal, ownerRole: "csm", dueOffset: 1, checkpoint: "ready",
                    dependsOn: ["q"])
            ]),
            reason: "task 'a' depends on unknown task 'q'",
            path: [.key("tasks"), .index(0), .key("depends_on"), .index(0)]),
        .init(
            name: "dependency cycle",
            playbook: small(tasks: [
                .init(
                    key: "a", title: "A", lane: .internal, ownerRole: "csm", dueOffset: 1, checkpoint: "ready",
                    dependsOn: ["c"]),
                .init(
                    key: "b", title: "B", lane: .internal, ownerRole: "csm", dueOffset: 1, checkpoint: "ready",
                    dependsOn: ["a"]),
                .init(
                    key: "c", title: "C", lane: .internal, ownerRole: "csm", dueOffset: 1, checkpoint: "ready",
                    dependsOn: ["b"]),
            ]),
            reason: "dependency cycle: a → c → b → a", path: [.key("tasks"), .index(0), .key("depends_on")]),
        .init(
            name: "duplicate task key",
            playbook: small(tasks: [
                .init(key: "a", title: "A", lane: .internal, ownerRole: "csm", dueOffset: 1, checkpoint: "ready"),
                .init(key: "a", title: "A2", lane: .internal, ownerRole: "csm", dueOffset: 1, checkpoint: "ready"),
            ]),
            reason: "duplicate task 'a'", path: [.key("tasks"), .index(1), .key("key")]),
    ]

    @Test(arguments: cases)
    func aBrokenPlaybookIsRefusedWithItsPlaceAndReason(_ c: Case) {
        let p = c.playbook.problems()
        #expect(p.first?.reason == c.reason)
        #expect(p.first?.path == c.path)
    }

    @Test func aSoundPlaybookHasNoProblems() {
        #expect(Self.small().problems().isEmpty)
    }

    @Test func applyingAPlaybookGivesRealDatesOwnersAndDependencies() {
        var next: Int64 = 100
        let info = AccountInfo(
            name: "Acme", segment: .enterprise, arr: 1, csm: "Ana", salesOwner: "Sam",
            contractSigned: day("2026-03-01"), targetGoLive: day("2026-03-25"),
            handoff: Handoff(stakeholders: [Stakeholder(role: "exec_sponsor", name: "Dr. Vogel")]))
        let a = Self.small().apply(to: info, nextID: &next)
        #expect(a.id == 100 && next == 100 + 1 + 2 + 3 + 1)
        #expect(
            a.stages.map(\.slaDays) == [5, 2] && a.stages[0].enteredOn == day("2026-03-01")
                && a.stages[1].enteredOn == nil)
        #expect(a.checkpoints.map(\.due) == [day("2026-03-11"), day("2026-03-25")])  // go-live on the target date
        #expect(a.tasks.map(\.owner) == ["Ana", "Acme IT", "Dr. Vogel"])
        #expect(a.tasks.map(\.status) == [.open, .open, .pending])
        #expect(a.tasks[1].dependsOn == [a.tasks[0].id] && a.tasks[0].checkpointID == a.checkpoints[0].id)
        #expect(a.touchpoints.map(\.on) == [day("2026-03-01")])
        #expect(a.goLive == day("2026-03-25"))
    }

    @Test func withoutATargetTheGoLiveComesFromThePlaybook() {
        var next: Int64 = 1
        let a = Self.small().apply(
            to: AccountInfo(name: "B", segment: .smb, arr: 1, csm: "C", contractSigned: day("2026-03-01")),
            nextID: &next)
        #expect(a.targetGoLive == day("2026-03-21") && a.stages[0].slaDays == 3)
    }
}

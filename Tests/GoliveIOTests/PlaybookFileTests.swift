import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveIO

struct PlaybookFileTests {
    static let good = """
        name: tiny
        title: Tiny
        stages:
          - key: setup
            name: Setup
            sla: {enterprise: 5, mid-market: 4, smb: 3}
          - key: live
            name: Live
            sla: 2
        checkpoints:
          - {key: ready, name: Ready, stage: setup, due: 10}
          - {key: golive, name: Go-live, stage: live, due: 20, milestone: go_live, customer_confirms: true}
        tasks:
          - {key: a, title: Build, lane: internal, owner: csm, due: 3, checkpoint: ready}
          - {key: b, title: Share data, lane: customer, owner: it, due: 5, checkpoint: ready, depends_on: [a]}
          - {key: c, title: Sign-off, lane: approval, owner: exec_sponsor, due: 18, checkpoint: golive, depends_on: [b]}
        touchpoints:
          - {day: 0, audience: champion, channel: email, objective: welcome}
        """

    @Test func aGoodPlaybookReadsIntoItsModel() throws {
        let p = try PlaybookFile.parse(Self.good, file: "tiny.yaml")
        #expect(p.name == "tiny" && p.stages.count == 2 && p.stages[1].sla[.smb] == 2)
        #expect(p.checkpoints[1].milestone == .goLive && p.checkpoints[1].customerConfirms)
        #expect(p.tasks.map(\.lane) == [.internal, .customer, .approval] && p.tasks[2].dependsOn == ["b"])
        #expect(p.thresholds == Thresholds())
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var replace: String
        var with: String
        var message: String
        var testDescription: String { name }
    }
    static let cases: [Case] = [
        .init(
            name: "YAML syntax error", replace: "  - key: live\n", with: "  - key: live\n   bad: [\n",
            message: "tiny.yaml:8: YAML syntax error"),
        .init(
            name: "unknown lane", replace: "lane: customer", with: "lane: partner",
            message: "tiny.yaml:15: tasks[1]: unknown lane 'partner' (expected internal, customer or approval)"),
        .init(
            name: "dependency cycle", replace: "checkpoint: ready}\n", with: "checkpoint: ready, depends_on: [c]}\n",
            message: "tiny.yaml:14: dependency cycle: a → c → b → a"),
        .init(
            name: "unknown checkpoint", replace: "owner: it, due: 5, checkpoint: ready",
            with: "owner: it, due: 5, checkpoint: nowhere",
            message: "tiny.yaml:15: unknown checkpoint 'nowhere'"),
        .init(
            name: "negative SLA", replace: "smb: 3}", with: "smb: -3}",
            message: "tiny.yaml:6: negative SLA (-3 days) for stage 'setup'"),
        .init(
            name: "missing field", replace: "    name: Setup\n", with: "",
            message: "tiny.yaml:4: stages[0]: missing field 'name'"),
        .init(
            name: "misspelt key", replace: "title: Build,", with: "titel: Build,",
            message: "tiny.yaml:14: tasks[0]: unknown key 'titel'"),
        .init(
            name: "offset that is not a number", replace: "due: 10}", with: "due: soon}",
            message: "tiny.yaml:11: checkpoints[0].due must be a whole number"),
        .init(
            name: "unknown milestone", replace: "milestone: go_live", with: "milestone: launch",
            message: "tiny.yaml:12: checkpoints[1]: unknown milestone 'launch'"),
    ]

    @Test(arguments: cases)
    func aBadPlaybookIsRefusedWithFileLineAndReason(_ c: Case) {
        #expect(Self.good.contains(c.replace))
        let text = Self.good.replacingOccurrences(of: c.replace, with: c.with)
        let message = describe { _ = try PlaybookFile.parse(text, file: "tiny.yaml") }
        #expect(message?.hasPrefix(c.message) == true, "got: \(message ?? "no error")")
    }

    @Test func aDirectoryOrAMissingFileIsNamed() {
        let dir = TempDir()
        #expect(
            describe { _ = try PlaybookFile.load(path: dir.path) } == "\(dir.path): is a directory, not a YAML file")
        #expect(
            describe { _ = try PlaybookFile.load(path: dir.file("no.yaml")) } == "\(dir.file("no.yaml")): no such file")
    }

    @Test func theBuiltInPlaybooksAreValidAndCoverAllThreeLanes() {
        #expect(builtins.entries.map(\.playbook.name) == ["enterprise-high-touch", "smb-tech-touch"])
        for e in builtins.entries {
            #expect(e.playbook.problems().isEmpty)
            #expect(Set(e.playbook.tasks.map(\.lane)) == Set(Lane.allCases))
            #expect(
                e.playbook.stages.map(\.name).first == "Handoff"
                    && e.playbook.stages.map(\.name).last == "Transition to success")
            #expect(
                e.playbook.checkpoints.contains { $0.milestone == .firstValue }
                    && e.playbook.checkpoints.contains { $0.milestone == .goLive })
            #expect(!e.playbook.touchpoints.isEmpty)
        }
    }

    @Test func aUserPlaybookIsLoadedFromTheUserFolderAndMayReplaceABuiltIn() throws {
        let dir = TempDir()
        dir.write("tiny.yaml", Self.good)
        dir.write("notes.txt", "ignored")
        let c = try PlaybookCatalog.load(userDirectory: dir.path)
        #expect(c.entries.map(\.playbook.name) == ["enterprise-high-touch", "smb-tech-touch", "tiny"])
        #expect(c.entries.last?.source == dir.file("tiny.yaml"))
        #expect(c.defaultPlaybook(for: .smb).name == "smb-tech-touch")
    }
}

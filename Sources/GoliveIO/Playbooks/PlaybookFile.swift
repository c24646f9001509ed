import Foundation
import GoliveDomain
import Yams

/// Playbook YAML files: reading them into `Playbook`s, and refusing a bad one with the
/// file, the line and the reason.
public enum PlaybookFile {
    public static func load(path: String) throws -> Playbook {
        try read(YAMLReader.load(path: path))
    }

    public static func parse(_ text: String, file: String) throws -> Playbook {
        try read(YAMLReader.parse(text, file: file))
    }

    static func read(_ y: YAMLReader) throws -> Playbook {
        let top = try y.mapping(
            y.root, "playbook",
            allowed: ["name", "title", "summary", "thresholds", "stages", "checkpoints", "tasks", "touchpoints"])
        let name = try y.string(top, "name", in: "playbook", at: y.root)
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw y.fail(top["name"], "playbook name '\(name)' may hold only letters, digits, '-' and '_'")
        }
        let title = try top["title"].map { try y.string($0, "title") } ?? name
        let summary = try top["summary"].map { try y.string($0, "summary") } ?? ""

        var thresholds = Thresholds()
        if let t = top["thresholds"] {
            let keys: [String: WritableKeyPath<Thresholds, Int>] = [
                "amber_window_days": \.amberWindowDays, "no_activity_days": \.noActivityDays,
                "customer_overdue_days": \.customerOverdueDays, "approval_pending_days": \.approvalPendingDays,
                "customer_wait_days": \.customerWaitDays,
            ]
            for (k, v) in try y.mapping(t, "thresholds", allowed: Set(keys.keys)) {
                guard let keyPath = keys[k] else { continue }
                let n = try y.int(v, "thresholds.\(k)", range: Limits.thresholdDays)
                if n < 0 { throw y.fail(v, "thresholds.\(k) cannot be negative (\(n))") }
                thresholds[keyPath: keyPath] = n
            }
        }

        guard let stagesNode = top["stages"] else { throw y.fail(y.root, "playbook: missing field 'stages'") }
        let stages = try y.sequence(stagesNode, "stages").enumerated().map { i, node in
            let what = "stages[\(i)]"
            let m = try y.mapping(node, what, allowed: ["key", "name", "sla"])
            guard let slaNode = m["sla"] else { throw y.fail(node, "\(what): missing field 'sla'") }
            var sla: [Segment: Int] = [:]
            if case .scalar = slaNode {
                let d = try y.int(slaNode, "\(what).sla", range: Limits.readDays)
                for s in Segment.allCases { sla[s] = d }
            } else {
                for (k, v) in try y.mapping(slaNode, "\(what).sla", allowed: Set(Segment.allCases.map(\.rawValue))) {
                    guard let segment = Segment(rawValue: k) else { continue }
                    sla[segment] = try y.int(v, "\(what).sla.\(k)", range: Limits.readDays)
                }
            }
            return Playbook.StageTemplate(
                key: try y.string(m, "key", in: what, at: node),
                name: try y.string(m, "name", in: what, at: node), sla: sla)
        }

        let checkpoints = try (top["checkpoints"].map { try y.sequence($0, "checkpoints") } ?? []).enumerated().map {
            i, node in
            let what = "checkpoints[\(i)]"
            let m = try y.mapping(
                node, what, allowed: ["key", "name", "stage", "due", "customer_confirms", "milestone"])
            var milestone: Milestone? = nil
            if let n = m["milestone"] {
                let s = try y.string(n, "\(what).milestone")
                guard let ms = Milestone(rawValue: s) else {
                    let known = Milestone.allCases.map(\.rawValue).joined(separator: " or ")
                    throw y.fail(n, "\(what): unknown milestone '\(s)' (expected \(known))")
                }
                milestone = ms
            }
            return Playbook.CheckpointTemplate(
                key: try y.string(m, "key", in: what, at: node), name: try y.string(m, "name", in: what, at: node),
                stage: try y.string(m, "stage", in: what, at: node),
                dueOffset: try y.int(m, "due", in: what, at: node, range: Limits.readDays),
                customerConfirms: try m["customer_confirms"].map { try y.bool($0, "\(what).customer_confirms") }
                    ?? false,
                milestone: milestone)
        }

        let tasks = try (top["tasks"].map { try y.sequence($0, "tasks") } ?? []).enumerated().map { i, node in
            let what = "tasks[\(i)]"
            let m = try y.mapping(
                node, what, allowed: ["key", "title", "lane", "owner", "due", "checkpoint", "depends_on"])
            let laneText = try y.string(m, "lane", in: what, at: node)
            guard let lane = Lane(rawValue: laneText) else {
                throw y.fail(m["lane"], "\(what): unknown lane '\(laneText)' (expected internal, customer or approval)")
            }
            let deps =
                try m["depends_on"].map { n in
                    try y.sequence(n, "\(what).depends_on").map { try y.string($0, "\(what).depends_on") }
                } ?? []
            return Playbook.TaskTemplate(
                key: try y.string(m, "key", in: what, at: node), title: try y.string(m, "title", in: what, at: node),
                lane: lane, ownerRole: try y.string(m, "owner", in: what, at: node),
                dueOffset: try y.int(m, "due", in: what, at: node, range: Limits.readDays),
                checkpoint: try y.string(m, "checkpoint", in: what, at: node), dependsOn: deps)
        }

        let touchpoints = try (top["touchpoints"].map { try y.sequence($0, "touchpoints") } ?? []).enumerated().map {
            i, node in
            let what = "touchpoints[\(i)]"
            let m = try y.mapping(node, what, allowed: ["day", "audience", "channel", "objective"])
            return Playbook.TouchpointTemplate(
                day: try y.int(m, "day", in: what, at: node, range: Limits.readDays),
                audience: try y.string(m, "audience", in: what, at: node),
                channel: try y.string(m, "channel", in: what, at: node),
                objective: try y.string(m, "objective", in: what, at: node))
        }

        let playbook = Playbook(
            name: name, title: title, summary: summary, thresholds: thresholds, stages: stages,
            checkpoints: checkpoints, tasks: tasks, touchpoints: touchpoints)
        if let problem = playbook.problems().first {
            let path: [AnyHashable] = problem.path.map { element -> AnyHashable in
                switch element {
                case .key(let k): return k
                case .index(let i): return i
                }
            }
            throw y.fail(y.node(at: path), problem.reason)
        }
        return playbook
    }
}

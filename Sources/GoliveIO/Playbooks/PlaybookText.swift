import GoliveDomain

/// A playbook as readable text (`golive playbook show`).
public enum PlaybookText {
    public static func describe(_ p: Playbook) -> String {
        var out = "\(p.title) (\(p.name))\n"
        if !p.summary.isEmpty { out += p.summary + "\n" }
        let t = p.thresholds
        let thresholds = [
            "amber window \(t.amberWindowDays) d",
            "stalled after \(t.noActivityDays) d without activity",
            "customer task overdue > \(t.customerOverdueDays) d",
            "approval pending > \(t.approvalPendingDays) d",
            "customer wait > \(t.customerWaitDays) d",
        ]
        out += "\nThresholds: " + thresholds.joined(separator: " · ") + "\n"
        out += "\nStages (SLA days: " + Segment.allCases.map(\.rawValue).joined(separator: " / ") + ")\n"
        for s in p.stages {
            out +=
                "  \(Text.pad(s.name, to: 24)) " + Segment.allCases.map { "\(s.sla[$0] ?? 0)" }.joined(separator: " / ")
                + "\n"
            for c in p.checkpoints where c.stage == s.key {
                out +=
                    "    ◆ \(c.name) — day \(c.dueOffset)" + (c.customerConfirms ? ", customer confirms" : "")
                    + (c.milestone.map { ", \($0.rawValue.replacingOccurrences(of: "_", with: " "))" } ?? "") + "\n"
                for lane in Lane.allCases {
                    for task in p.tasks where task.checkpoint == c.key && task.lane == lane {
                        out +=
                            "      [\(lane.rawValue)] \(task.title) — \(task.ownerRole), day \(task.dueOffset)"
                            + (task.dependsOn.isEmpty ? "" : ", after " + task.dependsOn.joined(separator: ", ")) + "\n"
                    }
                }
            }
        }
        if !p.touchpoints.isEmpty {
            out += "\nTouchpoints\n"
            for tp in p.touchpoints { out += "  day \(tp.day): \(tp.objective) — \(tp.audience), \(tp.channel)\n" }
        }
        return out
    }
}

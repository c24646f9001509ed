/// The mutual action plan an account's customer sees: its stages with their checkpoints and
/// dates, the work in the customer's lane and the approvals with their owners and due
/// dates, the touchpoints, and what is late. Built only from what may be shown outside:
/// never an internal task, a note, a reason written about the customer, a colour, a stall,
/// an escalation, a hold's reason, the handoff record or the ARR.
public struct CustomerPlan: Hashable, Sendable {
    public struct Step: Hashable, Sendable {
        public var isApproval: Bool
        public var title: String
        public var owner: String
        public var due: Day
        /// In words for the customer: "done", "approved", "open", "waiting", "5 days late".
        public var state: String
        public var isLate: Bool
    }

    public struct Milestone: Hashable, Sendable {
        public var name: String
        public var due: Day
        public var state: String
        public var isLate: Bool
        /// The customer's tasks and approvals leading to it.
        public var steps: [Step]
    }

    public struct Phase: Hashable, Sendable {
        public var name: String
        /// "done", "current" or "next".
        public var state: String
        public var milestones: [Milestone]
    }

    public struct Meeting: Hashable, Sendable {
        public var on: Day
        public var audience: String
        public var channel: String
        public var objective: String
        /// "held", "planned" or "missed".
        public var state: String
    }

    public var account: String
    public var csm: String
    public var today: Day
    public var goLive: Day
    public var phases: [Phase]
    /// Customer tasks and approvals leading to no checkpoint.
    public var otherSteps: [Step]
    public var meetings: [Meeting]
    /// Every late checkpoint, task and approval, in words, oldest first.
    public var late: [String]

    public init(_ a: Account, today: Day) {
        account = a.name
        csm = a.csm
        self.today = today
        goLive = a.goLive
        let plan = a.schedule(asOf: today)
        func step(_ t: OnboardingTask) -> Step {
            // A rejected approval waits on a decision, however long ago it was due.
            let decision = t.lane == .approval && t.status == .rejected
            // Late by the clock: not on the days the account was on hold.
            let daysLate = a.daysOverdue(t, asOf: today)
            let late = t.isOpen && (daysLate > 0 || decision)
            let state =
                decision ? "needs your decision" : late ? "\(plural(daysLate, "day")) late" : t.status.title
            return Step(
                isApproval: t.lane == .approval, title: t.title, owner: t.owner, due: t.due, state: state, isLate: late)
        }
        let shared = a.tasks.filter { $0.lane != .internal }
        phases = a.stages.enumerated().map { index, stage in
            let milestones = a.checkpoints.filter { $0.stage == stage.key }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
                .map { c -> Milestone in
                    let daysLate = a.daysPast(c.due, asOf: today)
                    let late = !c.isAchieved && daysLate > 0
                    // When the work says it will be met, where that is later than planned
                    // (the dates only: what sets it may be internal).
                    let forecast = plan.forecast(of: c)
                    let expected =
                        !c.isAchieved && forecast > max(a.clockDue(c.due), plan.day) ? ", expected \(forecast.iso)" : ""
                    let state =
                        c.achievedOn.map { "achieved on \($0.iso)" }
                        ?? (late ? "\(plural(daysLate, "day")) late" : "due \(c.due.iso)") + expected
                    let steps = shared.filter { $0.checkpointID == c.id }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
                        .map(step)
                    return Milestone(name: c.name, due: c.due, state: state, isLate: late, steps: steps)
                }
            let state =
                a.completedOn != nil || index < a.stageIndex ? "done" : index == a.stageIndex ? "current" : "next"
            return Phase(name: stage.name, state: state, milestones: milestones)
        }
        let placed = Set(a.checkpoints.map(\.id))
        otherSteps = shared.filter { $0.checkpointID.map { !placed.contains($0) } ?? true }
            .sorted { ($0.due, $0.id) < ($1.due, $1.id) }.map(step)
        meetings = a.touchpoints.sorted { ($0.on, $0.id) < ($1.on, $1.id) }.map {
            Meeting(
                on: $0.on, audience: $0.audience, channel: $0.channel, objective: $0.objective,
                state: $0.state.map { $0 == .missed ? "missed" : "held" } ?? "planned")
        }
        var late: [(Day, String)] = []
        for phase in phases {
            for m in phase.milestones {
                if m.isLate { late.append((m.due, "\(m.name), due \(m.due.iso): \(m.state)")) }
                for s in m.steps where s.isLate {
                    late.append(
                        (
                            s.due,
                            "\(s.isApproval ? "approval " : "")'\(s.title)' (\(s.owner)), due \(s.due.iso): \(s.state)"
                        ))
                }
            }
        }
        for s in otherSteps where s.isLate {
            late.append(
                (s.due, "\(s.isApproval ? "approval " : "")'\(s.title)' (\(s.owner)), due \(s.due.iso): \(s.state)"))
        }
        self.late = late.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1)
    }
}

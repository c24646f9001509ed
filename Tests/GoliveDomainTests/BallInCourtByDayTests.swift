import GoliveDomain
import Testing

/// The kept facts answer whose court the ball is in, and the go-live forecast, for any day
/// without the account's tasks (`Schedule.courtsByDay`): on every day of a wide window they
/// must say what the schedule worked out on that day says.
struct BallInCourtByDayTests {
    /// A plan drawn from `seed`: three stages with a checkpoint or two each (the last the
    /// go-live), tasks in every lane and status leading to them, waits on earlier tasks,
    /// sometimes an achieved checkpoint or a hold.
    static func randomPlan(_ seed: UInt64) -> Account {
        var r = TestRandom(seed: seed)
        var a = makeAccount()
        a.stages = [
            Stage(key: "setup", name: "Setup", slaDays: 10, enteredOn: signed),
            Stage(key: "build", name: "Build", slaDays: 20),
            Stage(key: "live", name: "Live", slaDays: 5),
        ]
        var checkpoints: [Checkpoint] = []
        var due = signed + 5 + r.next(10)
        for (s, stage) in ["setup", "build", "live"].enumerated() {
            for k in 0..<(1 + r.next(2)) {
                let id = Int64(10 * (s + 1) + k)
                let last = s == 2
                checkpoints.append(
                    Checkpoint(
                        id: id, key: "c\(id)", name: "Checkpoint \(id)", stage: stage,
                        // Sometimes out of order inside a stage, or across: the rules hold anyway.
                        due: due + r.next(5) - 2, customerConfirms: r.next(2) == 0,
                        milestone: last && k == 0 ? .goLive : nil,
                        achievedOn: s == 0 && r.next(4) == 0 ? signed + r.next(10) : nil))
                due = due + 3 + r.next(12)
            }
        }
        a.checkpoints = checkpoints
        let lanes: [Lane] = [.internal, .customer, .approval]
        var tasks: [OnboardingTask] = []
        for i in 0..<(3 + r.next(12)) {
            let lane = lanes[r.next(3)]
            let statuses: [TaskStatus] =
                lane == .approval
                ? [.pending, .pending, .approved, .rejected]
                : [.open, .inProgress, .waiting, .blocked, .done, .skipped]
            let status = statuses[r.next(UInt64(statuses.count))]
            let waits = i > 0 && r.next(2) == 0 ? [Int64(100 + r.next(UInt64(i)))] : []
            let cp = checkpoints[r.next(UInt64(checkpoints.count))]
            tasks.append(
                task(
                    Int64(100 + i), "Task \(i)", lane: lane, due: cp.due - r.next(15) + 3, status: status,
                    since: signed + r.next(10), checkpoint: r.next(6) == 0 ? nil : cp.id, dependsOn: waits))
        }
        a.tasks = tasks
        if r.next(4) == 0 {
            a.holds = [Hold(reason: "freeze", by: "lee", from: signed + 10 + r.next(30), expectedResume: signed + 80)]
        }
        return a
    }

    @Test(arguments: 0..<300)
    func theFactsSayWhoseCourtAndTheGoLiveForecastOnEveryDay(seed: Int) {
        let a = Self.randomPlan(UInt64(seed) &* 7919 &+ 17)
        let f = a.facts
        for offset in -20...120 {
            let today = signed + offset
            let plan = a.schedule(asOf: today)
            #expect(f.ballInCourt(asOf: today) == plan.ballInCourt.court, "seed \(seed), \(today.iso)")
            #expect(f.goLiveForecast(asOf: today) == plan.goLiveForecast, "seed \(seed), \(today.iso)")
            if f.ballInCourt(asOf: today) != plan.ballInCourt.court { return }
        }
    }

    @Test func aCompletedOnboardingHasNoBallInAnyCourt() {
        var a = makeAccount(tasks: [task(1, "Kickoff", due: day("2026-01-05"))])
        a.completedOn = day("2026-01-30")
        #expect(a.facts.ballInCourt(asOf: day("2026-02-10")) == nil)
    }

    /// The case: a customer task overdue longest, while our own task earlier in the
    /// plan holds everything up, is our move — in the stalled mark and the facts alike.
    @Test func aStallWhileOurEarlierWorkIsOverdueIsOurMove() {
        var a = makeAccount(
            tasks: [
                task(1, "Provision tenant", due: day("2026-01-08")),
                task(2, "Upload user list", lane: .customer, owner: "Acme IT", due: day("2026-01-02"), checkpoint: 20),
            ], due: day("2026-01-10"))
        a.checkpoints.append(
            Checkpoint(
                id: 20, key: "go_live", name: "Go-live", stage: "live", due: day("2026-02-01"), milestone: .goLive))
        let today = day("2026-01-30")
        let stall = a.stall(asOf: today)
        #expect(stall?.reasons.contains { $0.kind == .customerTaskOverdue } == true)
        #expect(stall?.ballInCourt == .ours)
        #expect(a.facts.stall(asOf: today)?.ballInCourt == .ours)
    }
}

import GoliveDomain

/// A synthetic portfolio with a realistic spread: most accounts healthy, some slipping,
/// a few in trouble (blocked work, silent customers, pending approvals, escalations),
/// with histories recorded as events. Same seed and as-of ⇒ the same portfolio.
public struct Seeder: Sendable {
    public var accounts: Int

    public var tasksPerAccount: Int?

    public var csms: Int

    public var seed: UInt64

    public var asOf: Day

    public var catalog: PlaybookCatalog
    /// No event is dated after this moment (a timestamp): seeding "today" must not write
    /// the afternoon's events in the morning.
    public var notAfter: String?

    public init(accounts: Int, tasksPerAccount: Int?, csms: Int, seed: UInt64, asOf: Day, catalog: PlaybookCatalog) {
        self.accounts = accounts
        self.tasksPerAccount = tasksPerAccount
        self.csms = csms
        self.seed = seed
        self.asOf = asOf
        self.catalog = catalog
    }

    /// Builds account number `index` (0-based) with its events. Ids start at `nextID`.
    public func account(_ index: Int, nextID: inout Int64) -> (Account, [Event]) {
        var rng = SeededRandom(seed: seed &* 0x1000_0000_01B3 &+ UInt64(index) &* 0x9E37_79B9)
        let stem = Seeder.stems[index % Seeder.stems.count]
        // Shifting the suffix by the stem keeps names unique (a bijection per stem) and varied.
        let suffix = Seeder.suffixes[(index / Seeder.stems.count + index % Seeder.stems.count) % Seeder.suffixes.count]
        let round = index / (Seeder.stems.count * Seeder.suffixes.count)
        let name = "\(stem) \(suffix)" + (round > 0 ? " \(round + 1)" : "")
        let csm = Seeder.csm(index % max(1, csms))
        let roll = rng.int(0...99)
        let segment: Segment = roll < 25 ? .enterprise : roll < 60 ? .midMarket : .smb
        let arr: Int
        switch segment {
        case .enterprise: arr = rng.int(240...1800) * 500
        case .midMarket: arr = rng.int(60...300) * 500
        case .smb: arr = rng.int(6...60) * 500
        }
        let playbook = catalog.defaultPlaybook(for: segment)
        let journey = playbook.checkpoints.map(\.dueOffset).max() ?? 30
        let signed = asOf - rng.int(0...(journey + journey / 2))
        let goLiveOffset = playbook.checkpoints.first { $0.milestone == .goLive }?.dueOffset ?? journey
        let healthRoll = rng.int(0...99)
        let health: Health = healthRoll < 55 ? .good : healthRoll < 82 ? .slipping : .troubled
        let handoff = Handoff(
            goals: rng.pick(Seeder.goals), requirements: rng.pick(Seeder.requirements),
            stakeholders: [
                Stakeholder(
                    role: "champion", name: "\(rng.pick(["Mia", "Noah", "Aiko", "Lars", "Zoë", "Omar"])) (\(stem))"),
                Stakeholder(
                    role: "exec_sponsor",
                    name: "\(rng.pick(["Dr. Ines Vogel", "Raj Patel", "Sofia Costa", "Kenji Sato"]))"),
            ],
            promises: rng.pick(Seeder.promises))
        let info = AccountInfo(
            name: name, segment: segment, arr: arr, csm: csm, salesOwner: rng.pick(Seeder.salesNames),
            contractSigned: signed, targetGoLive: signed + goLiveOffset + rng.int(-2...7), handoff: handoff)
        var a = playbook.apply(to: info, nextID: &nextID)
        fitTasks(&a, to: tasksPerAccount, rng: &rng, nextID: &nextID)
        var events = [
            Event(
                at: Timestamp.on(signed, hour: 8), who: info.salesOwner, accountID: a.id,
                kind: "account.created", after: name, detail: "playbook \(playbook.name)",
                prior: Prior(created: true))
        ]
        simulate(&a, health: health, rng: &rng, events: &events)
        if let cap = notAfter {
            for i in events.indices where events[i].at > cap { events[i].at = cap }
        }
        return (a, events)
    }

    static func csm(_ i: Int) -> String {
        i < csmNames.count ? csmNames[i] : "\(csmNames[i % csmNames.count]) \(i / csmNames.count + 1)"
    }

    /// Adds filler work to reach `count` tasks, or drops the last playbook tasks to fit.
    func fitTasks(_ a: inout Account, to count: Int?, rng: inout SeededRandom, nextID: inout Int64) {
        guard let count else { return }
        if count < a.tasks.count {
            a.tasks.removeLast(a.tasks.count - count)
            let kept = Set(a.tasks.map(\.id))
            for i in a.tasks.indices { a.tasks[i].dependsOn.removeAll { !kept.contains($0) } }
            return
        }
        let modules = [
            "billing", "permissions", "reports", "alerts", "workflows", "exports", "API keys", "templates", "audit log",
            "sandbox",
        ]
        var n = 0
        while a.tasks.count < count {
            let c = a.checkpoints[n % a.checkpoints.count]
            let lane: Lane = n % 5 == 3 ? .customer : n % 11 == 7 ? .approval : .internal
            let module = modules[n % modules.count]
            let title =
                lane == .internal
                ? "Configure \(module)" : lane == .customer ? "Provide \(module) details" : "Sign off \(module)"
            let owner = lane == .internal ? a.csm : lane == .customer ? "\(a.name) Admin" : "\(a.name) Sponsor"
            let due = max(a.contractSigned, c.due - rng.int(1...5))
            a.tasks.append(
                OnboardingTask(
                    id: nextID, title: title + (n >= modules.count ? " (\(n / modules.count + 1))" : ""),
                    lane: lane, owner: owner, due: due, statusSince: a.contractSigned, checkpointID: c.id))
            nextID += 1
            n += 1
        }
    }
}

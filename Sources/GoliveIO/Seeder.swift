import GoliveDomain

/// SplitMix64: tiny, fast and the same on every platform, so a seed always gives the same
/// portfolio (Swift's own generator is not reproducible by design).
public struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &self)] }
}

/// A synthetic portfolio with a realistic spread: most accounts healthy, some slipping,
/// a few in trouble (blocked work, silent customers, pending approvals, escalations),
/// with histories recorded as events. Same seed and as-of ⇒ the same portfolio.
public struct Seeder {
    public var accounts: Int
    public var tasksPerAccount: Int?
    public var csms: Int
    public var seed: UInt64
    public var asOf: Day
    public var catalog: PlaybookCatalog

    public init(accounts: Int, tasksPerAccount: Int?, csms: Int, seed: UInt64, asOf: Day, catalog: PlaybookCatalog) {
        self.accounts = accounts
        self.tasksPerAccount = tasksPerAccount
        self.csms = csms
        self.seed = seed
        self.asOf = asOf
        self.catalog = catalog
    }

    static let csmNames = [
        "Ana Souza", "Björn Lindqvist", "Chen Wei 陈伟", "Dana Okafor", "Émile Roux", "Fatima Al-Sayed",
        "Giorgos Papadakis", "Hana Kobayashi 小林花", "Iñaki Etxeberria", "Jonas Müller", "Kavya Rao", "Léa Dubois",
    ]
    static let salesNames = [
        "Marco Bianchi", "Nadia Petrova", "Oscar Lindgren", "Priya Nair", "Quentin Moreau", "Rosa Álvarez",
    ]
    static let stems = [
        "Acme", "Björk", "Café Olé", "Zürich", "Søren", "Ñandú", "Île Verte", "Kraków", "São Paulo", "Łódź",
        "東京ロジスティクス", "北京数据", "서울", "Nordwind", "Bluefin", "Copperline", "Driftwood", "Evergreen",
        "Foxglove", "Granite", "Harbor", "Ironbark", "Juniper", "Kestrel", "Lumen", "Meridian", "Northstar",
        "Orchid", "Pinnacle", "Quarry", "Riverside", "Summit", "Tidewater", "Umbra", "Vantage", "Willow",
        "Xenon", "Yellowtail", "Zephyr", "🚀 Rocket", "Αθήνα", "Москва", "Dürer", "Fjällräv", "Crème",
    ]
    static let suffixes = [
        "Analytics", "Logistics", "Health", "Labs", "Foods", "Re", "Retail", "Energy", "Bank",
        "Systems", "Media", "Robotics", "Travel", "株式会社", "GmbH", "& Co", "Cloud", "Pharma",
    ]
    static let goals = [
        "cut month-end close from 10 to 4 days", "one view of every shipment", "replace three legacy tools",
        "self-serve reporting for 200 managers", "automate onboarding of new stores", "SOC 2 evidence in one place",
    ]
    static let requirements = [
        "SSO via Okta, SCIM provisioning", "Salesforce and NetSuite integration", "EU data residency",
        "SAML with Azure AD; audit log export", "CSV import of 2M records", "API access for the data team",
    ]
    static let promises = [
        "go-live before the quarter ends", "a dedicated solutions engineer", "custom dashboard by week 6",
        "training for 3 regional teams", "weekly status report", "no price change on renewal",
    ]
    static let blockReasons = [
        "waiting on firewall change", "vendor API outage", "scope question open with Sales",
        "test environment unavailable", "SSO certificate expired", "data mapping disputed",
    ]
    static let escalationReasons = [
        "go-live date at risk: sponsor unhappy", "integration blocked for two weeks",
        "customer threatening to cancel", "security review stuck", "promised feature missing",
    ]

    enum Health { case good, slipping, troubled }

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
                kind: "account.created", after: name, detail: "playbook \(playbook.name)")
        ]
        simulate(&a, health: health, rng: &rng, events: &events)
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

    /// Plays the onboarding forward from the contract to `asOf`: work finished around its
    /// due date (late for slipping and troubled accounts), checkpoints achieved when their
    /// work is done, stages left when their gates are met; troubled accounts get blocked
    /// work, silent customers, pending approvals and escalations.
    func simulate(_ a: inout Account, health: Health, rng: inout SeededRandom, events: inout [Event]) {
        let lag: ClosedRange<Int> = health == .good ? -2...1 : health == .slipping ? 0...6 : 2...14
        var lastDay = a.contractSigned
        // A troubled account may have gone quiet: nothing recorded in its last days.
        let quietFrom = health == .troubled && rng.chance(0.5) ? asOf - rng.int(8...20) : asOf + 1
        let horizon = min(asOf, quietFrom - 1)
        func record(_ e: Event) {
            events.append(e)
            if let d = e.day { lastDay = max(lastDay, d) }
        }
        func who(_ t: OnboardingTask) -> String { t.lane == .internal ? t.owner : a.csm }

        for ci in a.checkpoints.indices {
            let cp = a.checkpoints[ci]
            var finishedAll = true
            var latest = a.contractSigned
            for ti in a.tasks.indices where a.tasks[ti].checkpointID == cp.id {
                let t = a.tasks[ti]
                let depsDone = t.dependsOn.allSatisfy { d in a.tasks.first { $0.id == d }?.status.isFinished ?? true }
                let doneOn = max(a.contractSigned, t.due + rng.int(lag))
                if depsDone && doneOn <= horizon && !(health == .troubled && rng.chance(0.15)) {
                    let status: TaskStatus = t.lane == .approval ? .approved : .done
                    a.tasks[ti].status = status
                    a.tasks[ti].statusSince = doneOn
                    a.tasks[ti].finishedOn = doneOn
                    a.tasks[ti].version += 1
                    record(
                        Event(
                            at: Timestamp.on(doneOn, hour: 9 + Int(t.id % 8), minute: Int(t.id % 60)), who: who(t),
                            accountID: a.id, taskID: t.id, kind: "task.status",
                            before: TaskStatus.initial(in: t.lane).rawValue, after: status.rawValue))
                    latest = max(latest, doneOn)
                    continue
                }
                finishedAll = false
                // Unfinished work that should have started shows why it is not done.
                guard t.due - 7 <= horizon else { continue }
                let since = max(a.contractSigned, min(horizon, t.due - rng.int(0...10)))
                var change: (TaskStatus, String?)? = nil
                switch (t.lane, health) {
                case (.customer, .troubled): change = (.waiting, nil)
                case (.customer, .slipping) where rng.chance(0.6): change = (.waiting, nil)
                case (.internal, .troubled) where rng.chance(0.35): change = (.blocked, rng.pick(Seeder.blockReasons))
                case (.approval, .troubled) where rng.chance(0.2): change = (.rejected, "scope not agreed")
                case (.internal, _) where rng.chance(0.4): change = (.inProgress, nil)
                default: break
                }
                if let (status, reason) = change {
                    a.tasks[ti].status = status
                    a.tasks[ti].reason = reason
                    a.tasks[ti].statusSince = since
                    a.tasks[ti].version += 1
                    record(
                        Event(
                            at: Timestamp.on(since, hour: 14, minute: Int(t.id % 60)), who: who(t), accountID: a.id,
                            taskID: t.id,
                            kind: "task.status", before: t.status.rawValue, after: status.rawValue, detail: reason))
                } else if t.lane == .approval {
                    a.tasks[ti].statusSince = since
                }
            }
            let achieveOn = max(latest, min(cp.due + rng.int(lag), horizon))
            if finishedAll && achieveOn <= horizon && cp.due - 10 <= horizon {
                a.checkpoints[ci].achievedOn = achieveOn
                a.checkpoints[ci].confirmedBy =
                    cp.customerConfirms ? (a.handoff.stakeholders.first?.name ?? "\(a.name) contact") : nil
                a.checkpoints[ci].version += 1
                record(
                    Event(
                        at: Timestamp.on(achieveOn, hour: 17), who: a.csm, accountID: a.id, checkpointID: cp.id,
                        kind: "checkpoint.achieved", before: cp.due.iso, after: achieveOn.iso,
                        detail: a.checkpoints[ci].confirmedBy.map { "confirmed by \($0)" }))
            }
        }

        // Leave every stage whose gates are met, in order, on the day the last gate closed.
        while a.isActive && a.unmetGates().isEmpty {
            let own = a.checkpoints.filter { $0.stage == a.stage.key }
            let left = max(
                a.stage.enteredOn ?? a.contractSigned,
                own.compactMap(\.achievedOn).max() ?? a.stage.enteredOn ?? a.contractSigned)
            guard left <= horizon else { break }
            let from = a.stage.key
            a.stages[a.stageIndex].leftOn = left
            if a.stageIndex + 1 < a.stages.count {
                a.stageIndex += 1
                a.stages[a.stageIndex].enteredOn = left
            } else {
                a.completedOn = left
            }
            record(
                Event(
                    at: Timestamp.on(left, hour: 18), who: a.csm, accountID: a.id, kind: "stage.advanced",
                    before: from, after: a.isActive ? a.stage.key : "completed"))
        }

        if health == .troubled && a.isActive && rng.chance(0.35) {
            let on = max(a.contractSigned, horizon - rng.int(0...6))
            let reason = rng.pick(Seeder.escalationReasons)
            a.escalation = Escalation(reason: reason, by: a.csm, on: on)
            record(
                Event(
                    at: Timestamp.on(on, hour: 11), who: a.csm, accountID: a.id, kind: "account.escalated",
                    after: reason))
        } else if health != .troubled && a.isActive && rng.chance(0.5) {
            // Healthy accounts hear from their CSM regularly.
            let on = max(a.contractSigned, horizon - rng.int(0...4))
            record(
                Event(
                    at: Timestamp.on(on, hour: 16), who: a.csm, accountID: a.id, kind: "note",
                    detail: rng.pick([
                        "weekly check-in held", "customer happy with progress", "sent status report",
                        "agreed next steps",
                    ])))
        }
        a.lastActivity = lastDay
        events.sort { $0.at < $1.at }
    }
}

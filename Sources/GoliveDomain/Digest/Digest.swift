/// What needs a CSM today — or a lead's whole team — in the sections of the morning digest:
/// the accounts whose colour got worse, stalled accounts, touchpoints, work due today and
/// overdue per lane, approvals waiting, customer tasks past their SLA and follow-ups due.
/// Worked out from the accounts alone (and the colours they had): the same rules as the
/// board, so the digest never says what the board does not.
public struct Digest: Hashable, Sendable {
    public enum Section: String, CaseIterable, Sendable {
        case turned
        case stalled
        case touchpoints
        case dueToday
        case overdue
        case approvals
        case customerWaiting
        case followUps

        /// The section's heading.
        public var title: String {
            switch self {
            case .turned: "Turned red or amber"
            case .stalled: "Stalled"
            case .touchpoints: "Touchpoints"
            case .dueToday: "Due today"
            case .overdue: "Overdue"
            case .approvals: "Approvals pending"
            case .customerWaiting: "Customer tasks past their SLA"
            case .followUps: "Follow-ups due"
            }
        }

        /// Its key in JSON (snake_case, as the reports' fields).
        public var key: String {
            switch self {
            case .dueToday: "due_today"
            case .customerWaiting: "customer_past_sla"
            case .followUps: "follow_ups"
            default: rawValue
            }
        }
    }

    /// One line of a section: an account and what about it needs someone, in words.
    public struct Item: Hashable, Sendable {
        public var accountID: Int64
        public var account: String
        public var csm: String
        /// The task's lane; nil for what is not a task (a checkpoint, a touchpoint, a colour).
        public var lane: Lane?
        /// What: a task's or checkpoint's title, a touchpoint's objective, a colour's reasons.
        public var what: String
        /// Who is to act: the task's owner, the touchpoint's audience, whose court the ball is in.
        public var who: String
        /// The day it is due or planned, when it has one.
        public var day: Day?
        /// How it stands, in words: "3 days overdue", "green → red", "waiting 9 days".
        public var state: String

        public init(
            accountID: Int64, account: String, csm: String, lane: Lane? = nil, what: String, who: String,
            day: Day? = nil, state: String
        ) {
            self.accountID = accountID
            self.account = account
            self.csm = csm
            self.lane = lane
            self.what = what
            self.who = who
            self.day = day
            self.state = state
        }
    }

    /// The next step a review set for an account, and the day to follow it up.
    public struct FollowUp: Hashable, Sendable {
        public var step: String?
        public var day: Day

        public init(step: String?, day: Day) {
            self.step = step
            self.day = day
        }
    }

    public var today: Day
    public var sections: [Section: [Item]]

    /// Every section's items, in the digest's order (empty sections included).
    public var ordered: [(section: Section, items: [Item])] {
        Section.allCases.map { ($0, sections[$0] ?? []) }
    }

    /// Nothing needs anyone today.
    public var isEmpty: Bool { sections.values.allSatisfy(\.isEmpty) }

    /// The digest of `accounts` on `today`: `changes` say which turned worse since the
    /// digest's start, `followUps` what the last reviews asked for. Finished accounts need
    /// nobody and are left out.
    public init(
        today: Day, accounts: [Account], changes: [AccountChange], followUps: [Int64: FollowUp] = [:]
    ) {
        self.today = today
        var out: [Section: [Item]] = [:]
        for c in changes {
            guard let item = Digest.turned(c) else { continue }
            out[.turned, default: []].append(item)
        }
        for a in accounts where a.isActive {
            for (section, item) in Digest.items(of: a, today: today) {
                out[section, default: []].append(item)
            }
            if let f = followUps[a.id], f.day <= today {
                out[.followUps, default: []].append(
                    Item(
                        accountID: a.id, account: a.name, csm: a.csm, what: f.step ?? "follow up the last review",
                        who: a.csm, day: f.day, state: Digest.when(f.day, today: today, late: "late")))
            }
        }
        // Work per lane (internal, customer, approval, then checkpoints), each oldest first.
        func lane(_ i: Item) -> Int { i.lane.flatMap { Lane.allCases.firstIndex(of: $0) } ?? Lane.allCases.count }
        sections = out.mapValues { items in
            items.sorted {
                (lane($0), $0.day ?? today, $0.account, $0.what) < (lane($1), $1.day ?? today, $1.account, $1.what)
            }
        }
    }
}

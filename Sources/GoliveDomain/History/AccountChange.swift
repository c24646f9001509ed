/// What changed on one account between a moment and today, in words a lead pastes into
/// the weekly email: its colour and why, its stage, slipped dates, escalations, holds,
/// work done and approvals. Found by comparing the account then (rewound) and now, so it
/// says what is different, not what was clicked.
public struct AccountChange: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var csm: String
    public var segment: Segment
    public var arr: Int
    /// Created after the moment: there was nothing before.
    public var isNew: Bool
    public var ragBefore: RAG?
    public var ragNow: RAG
    /// Why the account is its colour now, when the colour changed to amber or red.
    public var reasons: [String]
    public var stageBefore: String?
    public var stageNow: String
    /// Go-live and checkpoint dates moved, and work due later.
    public var slips: [String]
    public var escalations: [String]
    public var holds: [String]
    /// Internal and customer tasks finished in the period.
    public var tasksDone: [String]
    public var approvals: [String]
    /// Events recorded in the period (none when only time passed).
    public var events: Int

    public init(
        id: Int64, name: String, csm: String, segment: Segment, arr: Int, isNew: Bool, ragBefore: RAG?, ragNow: RAG,
        reasons: [String], stageBefore: String?, stageNow: String, slips: [String] = [], escalations: [String] = [],
        holds: [String] = [], tasksDone: [String] = [], approvals: [String] = [], events: Int
    ) {
        self.id = id
        self.name = name
        self.csm = csm
        self.segment = segment
        self.arr = arr
        self.isNew = isNew
        self.ragBefore = ragBefore
        self.ragNow = ragNow
        self.reasons = reasons
        self.stageBefore = stageBefore
        self.stageNow = stageNow
        self.slips = slips
        self.escalations = escalations
        self.holds = holds
        self.tasksDone = tasksDone
        self.approvals = approvals
        self.events = events
    }

    public var ragChanged: Bool { ragBefore != ragNow }

    /// The colour the account turned in the period; nil when its colour did not change or
    /// it is new (it had none before).
    public var turned: RAG? { ragChanged && !isNew ? ragNow : nil }
    public var stageChanged: Bool { stageBefore != stageNow }

    /// `amber → red`, or the colour alone when it did not change.
    public var ragText: String {
        guard let before = ragBefore, before != ragNow else { return ragNow.rawValue }
        return "\(before.rawValue) → \(ragNow.rawValue)"
    }

    public var stageText: String {
        guard let before = stageBefore, before != stageNow else { return stageNow }
        return "\(before) → \(stageNow)"
    }

    /// Every change as one line of words, most telling first.
    public var lines: [String] {
        var out: [String] = []
        if isNew { out.append("new onboarding") }
        if let turned {
            let why = reasons.isEmpty ? "" : ": " + reasons.prefix(3).joined(separator: "; ")
            out.append("turned \(turned.rawValue)\(why)")
        }
        if stageChanged && !isNew { out.append("stage \(stageText)") }
        out += slips + escalations + holds
        if !tasksDone.isEmpty {
            out.append("\(plural(tasksDone.count, "task")) done: " + tasksDone.joined(separator: ", "))
        }
        out += approvals
        return out
    }
}

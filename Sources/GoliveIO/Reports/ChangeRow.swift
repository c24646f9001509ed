import GoliveDomain

/// One account in the changes report, with the JSON field names other tools rely on.
public struct ChangeRow: Codable, Hashable, Sendable {
    public var account: String, csm: String, segment: String
    public var arr: Int
    public var new: Bool
    public var ragBefore: String?, ragNow: String
    public var reasons: [String]
    public var stageBefore: String?, stageNow: String
    public var slips: [String], escalations: [String], holds: [String]
    public var tasksDone: [String], approvals: [String]
    public var events: Int

    init(_ c: AccountChange) {
        account = c.name
        csm = c.csm
        segment = c.segment.rawValue
        arr = c.arr
        new = c.isNew
        ragBefore = c.ragBefore?.rawValue
        ragNow = c.ragNow.rawValue
        reasons = c.reasons
        stageBefore = c.stageBefore
        stageNow = c.stageNow
        slips = c.slips
        escalations = c.escalations
        holds = c.holds
        tasksDone = c.tasksDone
        approvals = c.approvals
        events = c.events
    }
}

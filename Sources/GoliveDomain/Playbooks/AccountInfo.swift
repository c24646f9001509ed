/// What an account is before a playbook is applied: the fields of a CRM export.
public struct AccountInfo: Hashable, Sendable {
    public var name: String
    public var segment: Segment
    public var arr: Int
    public var csm: String
    public var salesOwner: String
    public var contractSigned: Day
    public var targetGoLive: Day?
    public var handoff: Handoff
    /// The day the plan starts when later than the contract: an account imported weeks after
    /// its signature gets a plan from the day it arrives, not one already late.
    public var planStart: Day?

    public init(
        name: String, segment: Segment, arr: Int, csm: String, salesOwner: String = "",
        contractSigned: Day, targetGoLive: Day? = nil, handoff: Handoff = Handoff()
    ) {
        self.name = name
        self.segment = segment
        self.arr = arr
        self.csm = csm
        self.salesOwner = salesOwner
        self.contractSigned = contractSigned
        self.targetGoLive = targetGoLive
        self.handoff = handoff
    }
}

/// One stage of an account's journey, with its SLA for the account's segment.
public struct Stage: Hashable, Codable, Sendable {
    public var key: String
    public var name: String
    public var slaDays: Int
    public var enteredOn: Day?
    public var leftOn: Day?
    /// Set when the stage was left without its gates met.
    public var overrideReason: String?

    public init(
        key: String, name: String, slaDays: Int, enteredOn: Day? = nil, leftOn: Day? = nil,
        overrideReason: String? = nil
    ) {
        self.key = key
        self.name = name
        self.slaDays = slaDays
        self.enteredOn = enteredOn
        self.leftOn = leftOn
        self.overrideReason = overrideReason
    }
}

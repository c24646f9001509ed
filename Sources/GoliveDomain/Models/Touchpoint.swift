/// A planned communication: welcome, kickoff, check-ins, milestone reviews.
public struct Touchpoint: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64
    public var on: Day
    public var audience: String
    public var channel: String
    public var objective: String
    public init(id: Int64, on: Day, audience: String, channel: String, objective: String) {
        self.id = id
        self.on = on
        self.audience = audience
        self.channel = channel
        self.objective = objective
    }
}

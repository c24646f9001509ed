import GoliveDomain

/// An event with its prior already written as the JSON the store keeps.
public struct PreparedEvent: Sendable {
    public let event: Event
    let priorJSON: String?

    public init(_ event: Event) throws {
        self.event = event
        priorJSON = try event.prior.map(Rows.priorJSON)
    }
}

/// The context of a change: who makes it, when, and a source of new ids.
public struct ChangeContext: Sendable {
    public var who: String
    public var now: String
    public var today: Day
    /// The id the next created task gets (the store hands out ids).
    public var nextID: Int64
    public init(who: String, now: String, today: Day, nextID: Int64 = 1) {
        self.who = who
        self.now = now
        self.today = today
        self.nextID = nextID
    }
}

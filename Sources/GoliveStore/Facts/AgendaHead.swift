import GoliveDomain

/// The agenda's first screen: its first items, and the counts its header shows.
public struct AgendaHead: Sendable, Equatable {
    public var items: [AgendaItem]
    public var overdue: Int
    public var today: Int
    /// Due after today, up to the week's end.
    public var coming: Int

    public var count: Int { overdue + today + coming }
}

/// One line of the agenda: a task, a checkpoint or a touchpoint due on a day.
public struct AgendaItem: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case task(Lane)
        case checkpoint, touchpoint
        /// The next step a review set, due on its follow-up day.
        case followUp
    }
    public var day: Day
    public var kind: Kind
    public var accountID: Int64
    public var account: String
    public var title: String
    public var who: String
    /// The task's, checkpoint's or touchpoint's id (what `x` on the agenda marks done or held).
    public var itemID: Int64?

    public init(
        day: Day, kind: Kind, accountID: Int64, account: String, title: String, who: String, itemID: Int64? = nil
    ) {
        self.day = day
        self.kind = kind
        self.accountID = accountID
        self.account = account
        self.title = title
        self.who = who
        self.itemID = itemID
    }

    /// The agenda's order: by day; within a day checkpoints, then touchpoints, then tasks;
    /// then by account and title.
    public static func ordered(_ items: [AgendaItem]) -> [AgendaItem] {
        func rank(_ k: Kind) -> Int {
            switch k {
            case .checkpoint: 0
            case .followUp: 1
            case .touchpoint: 2
            case .task: 3
            }
        }
        // Sorted by index, the day and kind compared before any text: an agenda holds 30,000
        // items at 10,000 accounts, and comparing tuples of texts copied each one.
        let order = items.withUnsafeBufferPointer { x in
            x.indices.sorted { i, j in
                if x[i].day != x[j].day { return x[i].day < x[j].day }
                let (a, b) = (rank(x[i].kind), rank(x[j].kind))
                if a != b { return a < b }
                if x[i].account != x[j].account { return x[i].account < x[j].account }
                return x[i].title < x[j].title
            }
        }
        return order.map { items[$0] }
    }
}

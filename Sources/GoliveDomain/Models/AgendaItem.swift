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
        // Each distinct account name and title is ranked once, and the items sorted on four
        // numbers: an agenda holds 90,000 items at 10,000 accounts, and comparing their texts
        // took most of reading it. Equal keys keep the items' own order.
        func ranks(_ texts: [String]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: Set(texts).sorted().enumerated().map { ($1, $0) })
        }
        let accounts = ranks(items.map(\.account))
        let titles = ranks(items.map(\.title))
        let keys = items.indices.map { i in
            let item = items[i]
            return (item.day.ordinal, rank(item.kind), accounts[item.account] ?? 0, titles[item.title] ?? 0, i)
        }
        return keys.sorted { $0 < $1 }.map { items[$0.4] }
    }
}

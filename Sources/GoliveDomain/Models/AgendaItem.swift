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

    /// Where a kind stands within a day.
    static func rank(_ k: Kind) -> Int {
        switch k {
        case .checkpoint: 0
        case .followUp: 1
        case .touchpoint: 2
        case .task: 3
        }
    }

    /// Whether `a` comes before `b` in the agenda's order, compared on their texts.
    static func precedes(_ a: AgendaItem, _ b: AgendaItem) -> Bool {
        if a.day != b.day { return a.day < b.day }
        let (ra, rb) = (rank(a.kind), rank(b.kind))
        if ra != rb { return ra < rb }
        if a.account != b.account { return a.account < b.account }
        return a.title < b.title
    }

    /// The agenda's order: by day; within a day checkpoints, then touchpoints, then tasks;
    /// then by account and title.
    public static func ordered(_ items: [AgendaItem]) -> [AgendaItem] {
        // Accounts are ranked once by name (10,000 names, not the 90,000 items' texts of an
        // agenda at 10,000 accounts: comparing and hashing those took most of reading it),
        // and the items sorted on numbers, titles compared only within one account's day.
        var names: [Int64: String] = [:]
        for item in items where names[item.accountID] == nil { names[item.accountID] = item.account }
        // An id named two ways (not the store's, whose names come from the account's row)
        // is ordered by its texts alone.
        guard items.allSatisfy({ names[$0.accountID] == $0.account }) else {
            return items.indices.sorted { i, j in
                precedes(items[i], items[j]) || (!precedes(items[j], items[i]) && i < j)
            }
            .map { items[$0] }
        }
        var position: [Int64: Int] = [:]
        var last: String?
        var rankOfName = -1
        for (id, name) in names.sorted(by: { $0.value < $1.value }) {
            // Accounts of one name share a rank, so that their titles decide, as the texts do.
            if name != last { rankOfName += 1 }
            position[id] = rankOfName
            last = name
        }
        let keys = items.map { (day: $0.day.ordinal, kind: rank($0.kind), account: position[$0.accountID] ?? 0) }
        return keys.indices.sorted { i, j in
            if keys[i] != keys[j] { return keys[i] < keys[j] }
            if items[i].title != items[j].title { return items[i].title < items[j].title }
            return i < j
        }
        .map { items[$0] }
    }

    /// Runs of items, each expected in the agenda's order already (as SQLite sorts them), as
    /// one agenda in that order: a run is checked in one pass and merged with the others, and
    /// sorted only when it is not in order — SQLite compares bytes, Swift canonical text, and
    /// the two differ on text that is not in Unicode's composed form.
    public static func ordered(runs: [[AgendaItem]]) -> [AgendaItem] {
        let runs = runs.map { run in isOrdered(run) ? run : ordered(run) }
        var out: [AgendaItem] = []
        out.reserveCapacity(runs.reduce(0) { $0 + $1.count })
        // One pass over all runs at once, each item copied once (merging two at a time
        // copied the 885,000 items of an agenda at 100,000 accounts three times).
        var next = runs.map { _ in 0 }
        while true {
            var pick: Int?
            for r in runs.indices where next[r] < runs[r].count {
                if let p = pick, !precedes(runs[r][next[r]], runs[p][next[p]]) { continue }
                pick = r
            }
            guard let p = pick else { return out }
            out.append(runs[p][next[p]])
            next[p] += 1
        }
    }

    static func isOrdered(_ items: [AgendaItem]) -> Bool {
        items.indices.dropFirst().allSatisfy { !precedes(items[$0], items[$0 - 1]) }
    }

    /// Two agendas, each in the agenda's order, as one in that order: what an agenda of
    /// 90,000 items takes in when one account's items are read again, without sorting them
    /// all. Where an item of each compares equal, `first`'s comes first.
    public static func merged(_ first: [AgendaItem], _ second: [AgendaItem]) -> [AgendaItem] {
        var out: [AgendaItem] = []
        out.reserveCapacity(first.count + second.count)
        var (i, j) = (0, 0)
        while i < first.count && j < second.count {
            if precedes(second[j], first[i]) {
                out.append(second[j])
                j += 1
            } else {
                out.append(first[i])
                i += 1
            }
        }
        out += first[i...]
        out += second[j...]
        return out
    }
}

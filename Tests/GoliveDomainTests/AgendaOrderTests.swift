import Testing

@testable import GoliveDomain

/// The agenda is ordered on ranks of its texts, not the texts; these prove it is the order
/// the texts themselves give: by day, then checkpoints, follow-ups, touchpoints and tasks,
/// then by account and title as Swift compares them, items with equal keys as they came.
struct AgendaOrderTests {
    static func item(_ d: String, _ kind: AgendaItem.Kind, _ account: String, _ title: String, _ id: Int64)
        -> AgendaItem
    {
        AgendaItem(day: day(d), kind: kind, accountID: id, account: account, title: title, who: "w", itemID: id)
    }

    /// What the order means, compared on the texts (a stable sort keeps equal items as they came).
    static func byTheTexts(_ items: [AgendaItem]) -> [AgendaItem] {
        func rank(_ k: AgendaItem.Kind) -> Int {
            switch k {
            case .checkpoint: 0
            case .followUp: 1
            case .touchpoint: 2
            case .task: 3
            }
        }
        return items.indices.sorted { i, j in
            let (a, b) = (items[i], items[j])
            if (a.day, rank(a.kind)) != (b.day, rank(b.kind)) { return (a.day, rank(a.kind)) < (b.day, rank(b.kind)) }
            if a.account != b.account { return a.account < b.account }
            if a.title != b.title { return a.title < b.title }
            return i < j
        }
        .map { items[$0] }
    }

    @Test(arguments: [
        // One day, tasks only: by account, then title.
        [("2026-11-20", 3, "Zeta", "b"), ("2026-11-20", 3, "Alpha", "z"), ("2026-11-20", 3, "Alpha", "a")],
        // Days before kinds, kinds before names.
        [
            ("2026-11-21", 0, "A", "x"), ("2026-11-20", 3, "Z", "x"), ("2026-11-20", 0, "Z", "x"),
            ("2026-11-20", 2, "B", "x"), ("2026-11-20", 1, "C", "x"),
        ],
        // Accents, case and a name equal in another normal form (é as one scalar and as e +
        // its accent): compared as Swift compares them, equal ones as they came.
        [
            ("2026-11-20", 3, "\u{e9}clair", "t"), ("2026-11-20", 3, "e\u{301}clair", "s"),
            ("2026-11-20", 3, "Eclair", "t"), ("2026-11-20", 3, "eclair", "t"), ("2026-11-20", 3, "\u{e9}clair", "r"),
        ],
        // Equal keys throughout: the order they came in.
        [("2026-11-20", 3, "Same", "same"), ("2026-11-20", 3, "Same", "same"), ("2026-11-20", 3, "Same", "same")],
        [],
    ])
    func theAgendaIsInTheOrderItsTextsGive(_ rows: [(String, Int, String, String)]) {
        let kinds: [AgendaItem.Kind] = [.checkpoint, .followUp, .touchpoint, .task(.customer)]
        let items = rows.enumerated().map { n, r in Self.item(r.0, kinds[r.1], r.2, r.3, Int64(n)) }
        #expect(AgendaItem.ordered(items) == Self.byTheTexts(items))
    }

    @Test func accountsOfOneNameAndAnIdNamedTwoWaysAreOrderedByTheirTexts() {
        let shared = [
            AgendaItem(day: day("2026-11-20"), kind: .checkpoint, accountID: 1, account: "Same", title: "b", who: ""),
            AgendaItem(day: day("2026-11-20"), kind: .checkpoint, accountID: 2, account: "Same", title: "a", who: ""),
            AgendaItem(day: day("2026-11-20"), kind: .checkpoint, accountID: 3, account: "Same", title: "c", who: ""),
            AgendaItem(day: day("2026-11-20"), kind: .checkpoint, accountID: 4, account: "Other", title: "z", who: ""),
        ]
        #expect(AgendaItem.ordered(shared) == Self.byTheTexts(shared))
        #expect(AgendaItem.ordered(shared).map(\.title) == ["z", "a", "b", "c"])
        let twoWays =
            shared + [
                AgendaItem(
                    day: day("2026-11-20"), kind: .checkpoint, accountID: 1, account: "Alpha", title: "q", who: "")
            ]
        #expect(AgendaItem.ordered(twoWays) == Self.byTheTexts(twoWays))
    }

    @Test func aLargeShuffledAgendaIsInTheOrderItsTextsGive() {
        var items: [AgendaItem] = []
        var random = TestRandom(seed: 42)
        func next(_ n: UInt64) -> Int { random.next(n) }
        let kinds: [AgendaItem.Kind] = [.checkpoint, .followUp, .touchpoint, .task(.internal), .task(.approval)]
        for n in 0..<3_000 {
            items.append(
                Self.item(
                    (day("2026-11-01") + next(20)).iso, kinds[next(5)], "Account \(n % 40)", "Task \(next(15))",
                    Int64(n % 40)))
        }
        #expect(AgendaItem.ordered(items) == Self.byTheTexts(items))
    }
}

extension AgendaOrderTests {
    @Test func twoOrderedAgendasMergedAreTheOrderOfAllTheirItems() {
        var random = TestRandom(seed: 7)
        func next(_ n: UInt64) -> Int { random.next(n) }
        let kinds: [AgendaItem.Kind] = [.checkpoint, .followUp, .touchpoint, .task(.customer)]
        let all = (0..<2_000).map { n in
            Self.item(
                (day("2026-11-01") + next(15)).iso, kinds[next(4)], "Account \(n % 30)", "T \(next(9))", Int64(n % 30))
        }
        // One account's items read again, merged into the others'.
        for changed in [Int64(0), 7, 29] {
            let kept = AgendaItem.ordered(all.filter { $0.accountID != changed })
            let again = AgendaItem.ordered(all.filter { $0.accountID == changed })
            #expect(AgendaItem.merged(kept, again) == AgendaItem.ordered(kept + again))
        }
        #expect(AgendaItem.merged([], AgendaItem.ordered(all)) == AgendaItem.ordered(all))
        #expect(AgendaItem.merged(AgendaItem.ordered(all), []) == AgendaItem.ordered(all))
    }
}

extension AgendaOrderTests {
    /// As SQLite's ORDER BY sorts a run: by day, then the bytes of the account's name and of
    /// the title, then the id.
    static func byTheBytes(_ items: [AgendaItem]) -> [AgendaItem] {
        items.sorted { a, b in
            if a.day != b.day { return a.day < b.day }
            let (na, nb) = (Array(a.account.utf8), Array(b.account.utf8))
            if na != nb { return na.lexicographicallyPrecedes(nb) }
            let (ta, tb) = (Array(a.title.utf8), Array(b.title.utf8))
            if ta != tb { return ta.lexicographicallyPrecedes(tb) }
            return a.accountID < b.accountID
        }
    }

    @Test(arguments: [
        ["Alpha", "Beta", "Zeta", "alpha", "Ærø", "Øresund"],
        // é as one scalar and as e + its accent: the bytes sort them apart, the texts together.
        ["e\u{301}clair", "\u{e9}clair", "eclair", "f", "\u{e9}cole"],
    ])
    func runsSortedAsSQLiteSortsThemGiveTheOrderTheTextsGive(_ names: [String]) {
        var random = TestRandom(seed: 11)
        func next(_ n: UInt64) -> Int { random.next(n) }
        let kinds: [AgendaItem.Kind] = [.task(.internal), .checkpoint, .touchpoint, .followUp]
        let all = (0..<1_200).map { n in
            Self.item(
                (day("2026-11-01") + next(6)).iso, kinds[n % 4], names[next(UInt64(names.count))], "T \(next(4))",
                Int64(n))
        }
        let runs = kinds.indices.map { k in
            Self.byTheBytes(all.enumerated().filter { $0.offset % 4 == k }.map(\.element))
        }
        let expected = Self.byTheTexts(runs.flatMap { $0 })
        #expect(AgendaItem.ordered(runs: runs) == expected)
        // A run in no order at all is sorted rather than trusted.
        #expect(AgendaItem.ordered(runs: runs.map { $0.reversed() }).map(\.title) == expected.map(\.title))
        #expect(AgendaItem.ordered(runs: [[], [], [], []]) == [])
    }
}

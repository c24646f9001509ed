import CSV
import Foundation
import GoliveDomain
import GoliveStore

/// The reports of `golive report`, computed from accounts as of a day.
public struct Reports {
    public var accounts: [Account]

    public var everEscalated: Set<Int64>
    public var resolveDays: [Int64: [Int]] = [:]
    /// New onboardings per CSM per quarter (config.yaml's `capacity:` and `capacity_weights:`).
    public var capacity = Capacity()
    /// The metrics compare the onboardings signed this period with the period before.
    public var period = Period.quarter
    /// The widest a table's cell is shown before it is cut with "…" (a terminal's reports);
    /// nil for a pipe or a file, where nothing is cut.
    public var maxColumnWidth: Int? = 60

    public var today: Day

    /// Where the overdue tasks are read from, one by one, when the store is queried for
    /// them rather than every account read.
    var overdueSource: ((_ body: (OverdueTaskBytes) throws -> Void) throws -> Void)?

    /// Where the portfolio's accounts are read from, and whose, when the store is read for
    /// them (`accounts` is then empty).
    var portfolioStore: (store: Store, csm: String?)?

    /// Each listed account's RAG from its kept facts, when they were read (the stalled
    /// report's accounts then need no status worked out for their colour alone).
    var keptRAG: [Int64: RAG]?

    /// What the metrics need of each account, when read from the store's kept facts
    /// (the accounts are then not read at all).
    public var metricFacts: [MetricFacts]?

    /// What changed, and since when (the changes report).
    public var changes: [AccountChange]?
    public var changesSince: ChangesSince?

    public init(
        accounts: [Account], everEscalated: Set<Int64>, resolveDays: [Int64: [Int]] = [:], today: Day,
        csm: String? = nil
    ) {
        self.resolveDays = resolveDays
        self.accounts = csm.map { c in accounts.filter { Reports.isOf(csm: c, $0) } } ?? accounts
        self.everEscalated = everEscalated
        self.today = today
    }

    /// The metrics from each account's kept metric facts (no account read whole).
    public init(
        metricFacts: [MetricFacts], everEscalated: Set<Int64>, resolveDays: [Int64: [Int]], today: Day,
        csm: String? = nil
    ) {
        self.init(accounts: [], everEscalated: everEscalated, resolveDays: resolveDays, today: today)
        self.metricFacts =
            csm.map { c in metricFacts.filter { Reports.isOf(csm: c, $0.csm) } } ?? metricFacts
    }

    /// Whether `a` is one of this CSM's (in any case).
    static func isOf(csm: String, _ a: Account) -> Bool {
        isOf(csm: csm, a.csm)
    }

    /// Whether an account whose CSM is `name` is one of this CSM's (in any case).
    static func isOf(csm: String, _ name: String) -> Bool {
        name.caseInsensitiveCompare(csm) == .orderedSame
    }

    /// The overdue report from the store's query of overdue tasks (no account loaded).
    init(overdueIn store: Store, csm: String?, today: Day) {
        self.accounts = []
        self.everEscalated = []
        self.today = today
        self.overdueSource = { body in try store.forEachOverdueTask(asOf: today, csm: csm, body) }
    }

    /// What a report needs, read from the store: the overdue report only overdue tasks,
    /// the stalled report only the rule views of the accounts their facts show stalled,
    /// the portfolio every account's rule view, the metrics every account's metric facts.
    /// The changes report starts at `since` (by default, a week before today).
    public static func read(
        _ kind: ReportKind, from store: Store, today: Day, csm: String?, since: ChangesSince? = nil
    ) throws -> Reports {
        switch kind {
        case .changes:
            let since = since ?? .lastDays(7, today: today)
            var r = Reports(accounts: [], everEscalated: [], today: today)
            r.changes = Reports.ordered(try store.changes(since: since.at, then: since.then, today: today, csm: csm))
            r.changesSince = since
            return r
        case .overdue:
            return Reports(overdueIn: store, csm: csm, today: today)
        case .stalled:
            let stalled = try store.stalledFacts(asOf: today)
            var r = Reports(
                accounts: try store.ruleViews(ids: stalled.map(\.id)), everEscalated: [], today: today, csm: csm)
            r.keptRAG = Dictionary(
                uniqueKeysWithValues: stalled.map { f in (f.id, f.rag(strip: f.strip(asOf: today), asOf: today)) })
            return r
        case .metrics:
            return try Reports(
                metricFacts: store.metricFacts(), everEscalated: store.everEscalated(),
                resolveDays: store.escalationResolveDays(), today: today, csm: csm)
        case .portfolio:
            var r = Reports(accounts: [], everEscalated: [], today: today)
            r.portfolioStore = (store, csm)
            return r
        }
    }
}

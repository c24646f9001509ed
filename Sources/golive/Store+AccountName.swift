import GoliveDomain
import GoliveStore

extension Store {
    /// The account `given` names on a command line: its id, or the one account of that name
    /// (any case). Every command that takes an account comes here, so each refuses a
    /// mistyped name the same way, with the nearest names and their ids.
    func accountID(named given: String) throws -> Int64 {
        let facts = try facts()
        if let id = Int64(given), facts.contains(where: { $0.id == id }) { return id }
        let named = facts.filter { $0.name.caseInsensitiveCompare(given) == .orderedSame }
        if named.count == 1 { return named[0].id }
        let shown = Text.inert(given)
        if named.count > 1 {
            let ids = named.map { String($0.id) }.joined(separator: ", ")
            throw UsageProblem("\(named.count) accounts are named '\(shown)' (ids \(ids)): give the id")
        }
        let near = Nearest.names(to: given, among: facts.map(\.name))
        let ids = Dictionary(facts.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        let hint = Nearest.question(near.map { "'\(Text.inert($0))' (\(ids[$0] ?? 0))" }).map { " (\($0))" } ?? ""
        throw UsageProblem("no account is named or numbered '\(shown)'\(hint)")
    }
}

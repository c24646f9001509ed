import GoliveDomain
import GoliveStore

extension Store {
    /// The CSM `given` means, as the store spells them, nil when none is given. It reads
    /// `given` as the board's `csm:` and `m` do (the whole name, a short form such as "ana"
    /// or "asouza", or the starts of its words); a name that fits no CSM is refused listing
    /// the CSMs there are, one that fits several naming them.
    func csm(named given: String?) throws -> String? {
        guard let given else { return nil }
        let known = try csms()
        guard let name = try Store.matched(given, among: known) else {
            throw UsageProblem("no account has the CSM '\(given)' (the CSMs: \(known.joined(separator: ", ")))")
        }
        return name
    }

    /// The CSM an account is given to, read as `csm(named:)` reads a name, so "bjorn" is
    /// Björn Lindqvist and never a new CSM by a slip; a name that fits no CSM is refused
    /// unless `allowingNew` (--new-csm), when it is taken as given.
    func csm(reassigning given: String, allowingNew: Bool) throws -> String {
        let known = try csms()
        if let name = try Store.matched(given, among: known) { return name }
        let name = given.trimmingCharacters(in: .whitespaces)
        if allowingNew, !name.isEmpty { return name }
        throw UsageProblem(
            "no CSM is called '\(given)' (the CSMs: \(known.joined(separator: ", "))); --new-csm makes one")
    }

    /// The one CSM of `known` that `given` fits, nil for none; several are refused by name.
    private static func matched(_ given: String, among known: [String]) throws -> String? {
        switch CSMMatcher(names: known).match(given) {
        case .exact(let name), .one(let name): return name
        case .ambiguous(let names):
            throw UsageProblem("'\(given)' could be \(names.joined(separator: " or ")): give more of the name")
        case .none: return nil
        }
    }
}

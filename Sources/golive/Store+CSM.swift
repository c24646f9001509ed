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
        switch CSMMatcher(names: known).match(given) {
        case .exact(let name), .one(let name): return name
        case .ambiguous(let names):
            throw UsageProblem(
                "'\(given)' could be \(names.joined(separator: " or ")): give more of the name")
        case .none:
            throw UsageProblem("no account has the CSM '\(given)' (the CSMs: \(known.joined(separator: ", ")))")
        }
    }
}

import GoliveStore

extension Store {
    /// The CSM `given` names as the store spells them (typed in any case), nil when none is
    /// given; a name no account has is refused, listing the CSMs there are.
    func csm(named given: String?) throws -> String? {
        guard let given else { return nil }
        let known = try csms()
        guard let found = known.first(where: { $0.caseInsensitiveCompare(given) == .orderedSame }) else {
            throw UsageProblem("no account has the CSM '\(given)' (the CSMs: \(known.joined(separator: ", ")))")
        }
        return found
    }
}

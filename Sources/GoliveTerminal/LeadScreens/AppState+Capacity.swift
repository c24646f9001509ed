import GoliveDomain

/// Each CSM's load against the capacity setting, as the metrics count it: new onboardings
/// (contract signed in the last 91 days) per quarter.
extension AppState {
    func newThisQuarter(csm: String) -> Int {
        let name = Folded.fold(csm)
        return rows.values.filter { r in
            let age = today - r.contractSigned
            return age >= 0 && age < 91 && Folded.fold(r.csm) == name
        }.count
    }

    /// "Ana 3/8 · Björn 9/8 over": who could take an account, least loaded first.
    var loads: String {
        rows.csmNames.map { ($0, newThisQuarter(csm: $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .map { "\($0.0) \($0.1)/\(capacity)" + ($0.1 > capacity ? " over" : "") }.joined(separator: " · ")
    }

    /// Said after an account moved to a CSM already past capacity; nothing is refused.
    func capacityWarning(for csm: String) -> String? {
        let load = newThisQuarter(csm: csm)
        guard load > capacity else { return nil }
        return "\(csm) now has \(load) new onboardings this quarter, over the capacity of \(capacity)"
    }
}

import GoliveDomain

/// Each CSM's load against the capacity setting, as the metrics count it: new onboardings
/// (contract signed in the calendar quarter holding today), each weighted by its segment.
extension AppState {
    func newThisQuarter(csm: String) -> Double {
        let name = Folded.fold(csm)
        let quarter = Period.quarter.span(holding: today)
        return rows.values.reduce(0) { sum, r in
            guard quarter.contains(r.contractSigned), r.contractSigned <= today, Folded.fold(r.csm) == name else {
                return sum
            }
            return sum + capacity.weight(of: r.segment)
        }
    }

    /// "Ana 3/8 · Björn 9/8 over": who could take an account, least loaded first.
    var loads: String {
        rows.csmNames.map { ($0, newThisQuarter(csm: $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .map {
                "\($0.0) \(Capacity.words($0.1))/\(capacity.perQuarter)"
                    + ($0.1 > Double(capacity.perQuarter) ? " over" : "")
            }
            .joined(separator: " · ")
    }

    /// Said after an account moved to a CSM already past capacity; nothing is refused.
    func capacityWarning(for csm: String) -> String? {
        let load = newThisQuarter(csm: csm)
        guard load > Double(capacity.perQuarter) else { return nil }
        let weighted = capacity.isWeighted ? " (weighted by segment)" : ""
        let quarter = Period.quarter.name(Period.quarter.span(holding: today))
        return "\(csm) now has \(Capacity.words(load)) new onboardings signed in \(quarter)\(weighted), "
            + "over the capacity of \(capacity.perQuarter)"
    }
}

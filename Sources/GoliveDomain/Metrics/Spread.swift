/// Median and spread of a set of day counts.
public struct Spread: Hashable, Codable, Sendable {
    public var count: Int
    public var median: Double?
    /// Quartiles (linear interpolation) and extremes.
    public var p25: Double?
    public var p75: Double?
    public var min: Int?
    public var max: Int?

    public init(_ values: [Int]) {
        let v = Spread.ordered(values)
        count = v.count
        func q(_ p: Double) -> Double? {
            guard !v.isEmpty else { return nil }
            let pos = p * Double(v.count - 1)
            let lo = Int(pos.rounded(.down))
            let hi = Swift.min(lo + 1, v.count - 1)
            return Double(v[lo]) + (Double(v[hi]) - Double(v[lo])) * (pos - Double(lo))
        }
        median = q(0.5)
        p25 = q(0.25)
        p75 = q(0.75)
        min = v.first
        max = v.last
    }

    /// The values in ascending order. Day counts span a few hundred values however many
    /// accounts there are, so they are counted into place rather than compared: the metrics
    /// order 10,000 of them for each group and each KPI.
    static func ordered(_ values: [Int]) -> [Int] {
        guard let lo = values.min(), let hi = values.max() else { return [] }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, span < 4 * values.count + 64 else { return values.sorted() }
        var counts = [Int](repeating: 0, count: span + 1)
        for x in values { counts[x - lo] += 1 }
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for (i, c) in counts.enumerated() where c > 0 { out.append(contentsOf: repeatElement(lo + i, count: c)) }
        return out
    }
}

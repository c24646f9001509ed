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
        let v = values.sorted()
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
}

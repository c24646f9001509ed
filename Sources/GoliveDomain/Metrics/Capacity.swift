/// How many new onboardings a CSM can take per quarter, optionally weighted by segment:
/// an enterprise onboarding may count as two, an SMB one as a half.
public struct Capacity: Hashable, Codable, Sendable {
    public var perQuarter: Int
    /// Missing segments weigh 1.
    public var weights: [Segment: Double]

    public init(perQuarter: Int = Capacity.benchmark, weights: [Segment: Double] = [:]) {
        self.perQuarter = perQuarter
        self.weights = weights
    }

    /// The seeds' benchmark: 6–8 new onboardings per CSM per quarter.
    public static let benchmark = 8

    public func weight(of segment: Segment) -> Double { weights[segment] ?? 1 }

    public var isWeighted: Bool { weights.values.contains { $0 != 1 } }

    /// "5.5" or "6": a load as people write it.
    public static func words(_ load: Double) -> String {
        load == load.rounded() ? String(Int(load)) : String(format: "%.1f", load)
    }
}

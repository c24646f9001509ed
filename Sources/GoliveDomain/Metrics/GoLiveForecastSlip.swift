/// How far the go-live forecasts of the onboardings not yet live stand after their first
/// plan: an account past its target and not live counts for as many days as the schedule
/// says it will still take, not for none.
public struct GoLiveForecastSlip: Hashable, Codable, Sendable {
    /// Active onboardings not yet live.
    public var active: Int
    /// Of those, the ones forecast after their first plan's go-live.
    public var late: Int
    /// Days after the first plan, among the late ones.
    public var median: Double?
    public var worst: Int?

    public init(_ slips: [Int]) {
        active = slips.count
        let late = slips.filter { $0 > 0 }
        self.late = late.count
        median = Spread(late).median
        worst = late.max()
    }
}

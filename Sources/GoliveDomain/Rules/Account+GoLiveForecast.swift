extension Account {
    /// "go-live forecast 2027-01-19, 9 days late: 'Security review' rejected → 'SSO setup' →
    /// UAT" — what the schedule says of the go-live, root first; nil while it is on time,
    /// achieved, or the onboarding has completed.
    public func goLiveForecastWords(asOf today: Day) -> String? {
        guard isActive, let c = checkpoints.first(where: { $0.milestone == .goLive }), !c.isAchieved else {
            return nil
        }
        let plan = schedule(asOf: today)
        let late = plan.slip(of: c)
        guard late > 0 else { return nil }
        let chain = self.chain(to: c, plan)
        return "go-live forecast \(plan.forecast(of: c).iso), \(plural(late, "day")) late"
            + (chain.isEmpty ? "" : ": \(chain)")
    }
}

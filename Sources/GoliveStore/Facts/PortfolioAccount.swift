import GoliveDomain

/// One account as the portfolio report reads it on a day.
public enum PortfolioAccount: Sendable {
    /// Green by its kept facts: no rule has a reason to give about it, so its tasks were
    /// not read; its checkpoints are in the order of the facts' strip.
    case green(AccountFacts, checkpoints: [Checkpoint])
    /// Amber or red: its rule view, for the rules to give their reasons.
    case ruled(Account)
}

extension Account {
    /// What the handoff record still lacks while the onboarding sits in Handoff: the gate
    /// out of the stage and the warning on the account screen read the same list.
    public var handoffGaps: [String] {
        guard isActive, stage.key == "handoff" else { return [] }
        return handoff.missing
    }
}

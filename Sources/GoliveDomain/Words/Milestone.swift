/// Checkpoints that metrics look for.
public enum Milestone: String, CaseIterable, Codable, Sendable {
    case firstValue = "first_value"
    case goLive = "go_live"
}

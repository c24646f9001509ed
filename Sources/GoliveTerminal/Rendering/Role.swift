import GoliveDomain

/// What a cell means; the theme decides how each role looks.
public enum Role: String, CaseIterable, Sendable, Hashable {
    case normal, header, footer, dim, selection, title, key, badge, detail
    case ragRed = "rag.red"
    case ragAmber = "rag.amber"
    case ragGreen = "rag.green"
    case achieved, overdue, stalled, changed
    case laneTitle = "lane.title"
    case laneFocus = "lane.focus"
    case statusOK = "status.ok"
    case statusError = "status.error"
    case prompt
    /// The timeline: work on the critical path to the go-live, and today's line.
    case timelineCritical = "timeline.critical"
    case timelineToday = "timeline.today"

    public static func rag(_ r: RAG) -> Role {
        switch r {
        case .red: .ragRed
        case .amber: .ragAmber
        case .green: .ragGreen
        }
    }

    public static func state(_ s: CheckpointState) -> Role {
        s == .achieved ? .achieved : rag(s.rag)
    }
}

/// What resuming from a hold may move: every open task and checkpoint not achieved due
/// from the hold's first day on, and the go-live (while not achieved), each by the days the
/// hold lasted, so the plan stands where it stood on the hold's first day. Offered on
/// resume, never assumed.
public struct HoldShift: Hashable, Sendable {
    /// The days held: from the hold's first day to the day it resumes.
    public var days: Int
    public var tasks: Int
    public var checkpoints: Int
    /// The go-live after the move (nil: it is achieved and stays).
    public var goLive: Day?

    /// "12 days later (5 tasks, 3 checkpoints, go-live 2027-02-03)".
    public var words: String {
        var parts: [String] = []
        if tasks > 0 { parts.append(plural(tasks, "task")) }
        if checkpoints > 0 { parts.append(plural(checkpoints, "checkpoint")) }
        if let goLive { parts.append("go-live \(goLive.iso)") }
        return "\(plural(days, "day")) later (" + parts.joined(separator: ", ") + ")"
    }
}

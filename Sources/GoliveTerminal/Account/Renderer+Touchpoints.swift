import GoliveDomain
import GoliveIO

extension Renderer {
    /// An account's touchpoints, oldest first: day, what became of it, audience, channel,
    /// objective and outcome; those past their window and unmarked in amber.
    func touchpoints(_ s: AppState, _ c: inout Canvas) {
        guard case .touchpoints(let id) = s.screen, let a = s.accounts[id] else { return }
        let open = a.touchpoints.filter { $0.isUnanswered(asOf: s.today) }.count
        let waiting = open > 0 ? [(text: "\(open) past and not marked", drop: 0)] : []
        header(s, "Touchpoints — \(a.name)", parts: [("\(a.touchpoints.count) in all", 0)] + waiting, &c)
        let selected = min(s.touchpointIndex, a.touchpoints.count - 1)
        // Audience and channel as wide as their longest (within bounds); the objective and
        // what came of it wrap under their own column, never cut.
        let audienceW = min(
            s.width >= 100 ? 28 : s.width >= 80 ? 20 : 14, a.touchpoints.map { Text.width($0.audience) }.max() ?? 8)
        let channelW = min(12, a.touchpoints.map { Text.width($0.channel) }.max() ?? 5)
        var lines: [(text: String, role: Role, selected: Bool)] = []
        var selectedLine = 0
        for (k, tp) in a.touchpoints.enumerated() {
            let state =
                tp.state?.title
                ?? (tp.isUnanswered(asOf: s.today) ? "not marked" : tp.on < s.today ? "planned, due" : "planned")
            let lead =
                " \(tp.on.iso)  \(Text.pad(state, to: 12))  \(Text.pad(tp.audience, to: audienceW))  "
                + "\(Text.pad(tp.channel, to: channelW))  "
            let role: Role =
                tp.isUnanswered(asOf: s.today)
                ? .ragAmber : tp.state == .missed ? .ragRed : tp.state == nil ? .normal : .dim
            let words = tp.objective + (tp.outcome.map { " — \($0)" } ?? "")
            if k == selected { selectedLine = lines.count }
            // Where the columns leave the objective less than 16 columns, it goes under them,
            // indented past the day, and wraps there, never cut.
            let beside = s.width - Text.width(lead) - 1
            if beside >= 16 {
                for (i, part) in Text.wrap(words, to: beside).enumerated() {
                    let head = i == 0 ? lead : String(repeating: " ", count: Text.width(lead))
                    lines.append((head + part, role, k == selected))
                }
            } else {
                lines.append((lead, role, k == selected))
                for part in Text.wrap(words, to: max(12, s.width - 14)) {
                    lines.append((String(repeating: " ", count: 13) + part, role, k == selected))
                }
            }
        }
        // The selected line stays in view.
        let height = s.height - 2
        let top = max(0, min(selectedLine - height / 2, lines.count - height))
        list(
            lines.isEmpty ? [("  no touchpoints: a adds one", .dim, false)] : lines, top: max(0, top), y0: 1,
            height: height, &c)
    }
}

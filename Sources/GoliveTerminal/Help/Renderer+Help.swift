import GoliveDomain
import GoliveIO

extension Renderer {
    func help(_ s: AppState, _ c: inout Canvas) {
        let w = min(s.width - 4, 84)
        let h = s.height - 4
        let x0 = (s.width - w) / 2
        let y0 = 1
        for y in y0..<(y0 + h) { c.fill(x: x0, y: y, width: w, role: .normal) }
        c.fill(x: x0, y: y0, width: w, role: .header)
        c.put(
            " Keys — type to filter\(s.helpFilter.isEmpty ? "" : ": \(s.helpFilter)")", x: x0, y: y0, role: .header,
            maxWidth: w)
        let needle = s.helpFilter.lowercased()
        var lines: [(String, Role)] = []
        for scope in Scope.allCases {
            let matching = s.keys.bindings.filter { b in
                b.scope == scope
                    && (needle.isEmpty || b.description.lowercased().contains(needle)
                        || b.command.rawValue.contains(needle)
                        || b.keys.contains { $0.description.lowercased() == needle })
            }
            guard !matching.isEmpty else { continue }
            lines.append((scope.title, .title))
            for b in matching {
                let keys = b.keys.map(\.description).joined(separator: " ")
                lines.append(("  " + Text.pad(keys, to: 14) + b.description, .normal))
            }
        }
        lines += [
            ("", .normal), ("Prompts: Enter confirms, Esc cancels; in a date, + and - move a day.", .dim),
            ("Every change is saved at once with your name; u takes back your last one.", .dim),
        ]
        if lines.count <= 3 { lines.insert(("no key matches '\(s.helpFilter)'", .dim), at: 0) }
        let top = min(s.helpTop, max(0, lines.count - (h - 1)))
        for (i, (text, role)) in lines.dropFirst(top).prefix(h - 1).enumerated() {
            c.put(" " + text, x: x0, y: y0 + 1 + i, role: role, maxWidth: w)
        }
    }
}

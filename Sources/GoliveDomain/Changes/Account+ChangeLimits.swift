extension Account {
    /// Every text a change brings passes here, under the limits restore and import keep.
    static func cleaned(_ text: String, _ what: String, _ kind: Limits.TextKind = .name) throws(Refusal) -> String {
        // Control characters first: trimming takes some away (U+0085 is a line break).
        if Limits.hasControl(text) { throw Refusal("\(what) contains a control character (such as NUL or ESC)") }
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { throw Refusal("\(what) cannot be empty") }
        if let problem = Limits.problem(with: t, as: kind) { throw Refusal("\(what) \(problem)") }
        return t
    }

    /// Every day a change brings, within the dates golive takes.
    static func checked(_ day: Day, _ what: String) throws(Refusal) {
        if let problem = Limits.problem(with: day) { throw Refusal("\(what): \(problem)") }
    }
}

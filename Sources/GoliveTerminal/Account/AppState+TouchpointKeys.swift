import GoliveDomain

extension AppState {
    /// Keys on an account's touchpoints: move, mark held or missed, add one.
    mutating func touchpointCommand(_ command: Command) -> [Effect] {
        guard case .touchpoints(let id) = screen, let a = accounts[id] else {
            if command == .back { screen = .board }
            return []
        }
        let n = a.touchpoints.count
        let i = max(0, min(touchpointIndex, n - 1))
        func mark(_ state: TouchpointState?) -> [Effect] {
            let c = Change.markTouchpoint(touchpoint: a.touchpoints[i].id, state: state)
            return [.perform(c, account: a.id, expected: .account(a.version), origin: .new)]
        }
        if let to = listIndex(after: command, from: i, count: n) {
            touchpointIndex = to
            return []
        }
        switch command {
        case .back: screen = .account(id)
        case .toggleDone:
            guard i < n else {
                prompt = .refusal("\(a.name) has no touchpoint yet (a adds one)")
                return []
            }
            let tp = a.touchpoints[i]
            if tp.state == .held { return mark(nil) }
            // Refused before the outcome is asked, so nothing typed is lost to a refusal after it.
            if let early = Touchpoint.heldTooEarly(tp.objective, on: tp.on, asOf: today) {
                prompt = .refusal(early)
                return []
            }
            prompt = Prompt(
                purpose: .touchpointOutcome(touchpoint: tp.id),
                label: "'\(tp.objective)' of \(Renderer.short(tp.on)) held — what came of it", text: "", account: a.id,
                expected: .account(a.version))
        case .reject:
            guard i < n else {
                prompt = .refusal("\(a.name) has no touchpoint yet (a adds one)")
                return []
            }
            return mark(a.touchpoints[i].state == .missed ? nil : .missed)
        case .addTouchpoint:
            prompt = Prompt(
                purpose: .newTouchpointDay, label: Prompt.dateLabel("new touchpoint on", from: nil), text: today.iso,
                account: a.id)
        default: break
        }
        return []
    }
}

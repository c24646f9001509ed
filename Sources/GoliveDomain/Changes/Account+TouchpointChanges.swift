extension Account {
    /// A touchpoint marked held (what came of it, and never before its day), missed, or
    /// planned again: part of `applying`, which owns `next` and `event`.
    func markTouchpoint(
        _ id: Int64, _ state: TouchpointState?, _ outcome: String?, _ ctx: ChangeContext, _ next: inout Account,
        _ event: inout Event
    ) throws(Refusal) {
        guard let k = touchpoints.firstIndex(where: { $0.id == id }) else {
            throw Refusal("no touchpoint \(id) on \(name)")
        }
        let tp = touchpoints[k]
        guard state != .unrecorded else { throw Refusal("a touchpoint is held, missed or planned") }
        guard state != tp.state else {
            throw Refusal("'\(tp.objective)' of \(tp.on.iso) is already \(state?.title ?? "planned")")
        }
        var said: String? = nil
        if state == .held {
            if let early = Touchpoint.heldTooEarly(tp.objective, on: tp.on, asOf: ctx.today) {
                throw Refusal(early)
            }
            guard let o = outcome else { throw Refusal("a held touchpoint needs what came of it") }
            said = try Account.cleaned(o, "the outcome", .text)
        }
        next.touchpoints[k].state = state
        next.touchpoints[k].outcome = said
        next.touchpoints[k].markedOn = state == nil ? nil : ctx.today
        event.kind = "touchpoint." + (state?.rawValue ?? "planned")
        event.before = tp.on.iso
        event.after = tp.objective
        event.detail = said
    }

    /// A new touchpoint, in day order.
    func addTouchpoint(
        _ day: Day, _ audience: String, _ channel: String, _ objective: String, _ ctx: ChangeContext,
        _ next: inout Account, _ event: inout Event
    ) throws(Refusal) {
        let what = try Account.cleaned(objective, "the objective")
        let who = try Account.cleaned(audience, "the audience")
        let how = try Account.cleaned(channel, "the channel")
        try Account.checked(day, "the touchpoint's day")
        next.touchpoints.append(Touchpoint(id: ctx.nextID, on: day, audience: who, channel: how, objective: what))
        next.touchpoints.sort { ($0.on, $0.id) < ($1.on, $1.id) }
        event.kind = "touchpoint.added"
        event.before = day.iso
        event.after = what
        event.detail = "\(who) · \(how)"
    }
}

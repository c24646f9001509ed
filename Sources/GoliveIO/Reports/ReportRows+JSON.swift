/// Each report row's fields as `ReportJSON` writes them, named as the encoder names them
/// (snake_case); the test against the encoder keeps the two lists in step.
extension OverdueRow {
    var json: ReportJSON.Value {
        .object([
            ("account", .string(account)), ("csm", .string(csm)), ("lane", .string(lane)), ("task", .string(task)),
            ("owner", .string(owner)), ("status", .string(status)), ("due", .string(due)),
            ("days_overdue", .int(daysOverdue)),
        ])
    }
}

extension StalledRow {
    /// The row as `ReportJSON` writes objects, keys in the encoder's sorted order.
    func writeJSON(indent: Int, into out: inout [UInt8]) {
        var o = ReportJSON.Object(indent: indent)
        func text(_ key: StaticString, _ value: String) {
            o.key(key, into: &out)
            ReportJSON.string(value, into: &out)
        }
        func number(_ key: StaticString, _ value: Int) {
            o.key(key, into: &out)
            ReportJSON.digits(value, into: &out)
        }
        text("account", account)
        number("arr", arr)
        text("ball_in_court", ballInCourt)
        text("csm", csm)
        number("days_in_stage", daysInStage)
        number("days_stalled", daysStalled)
        o.key("escalated", into: &out)
        out.append(contentsOf: (escalated ? "true" : "false").utf8)
        text("rag", rag)
        o.key("reasons", into: &out)
        ReportJSON.strings(reasons, indent: indent + 2, into: &out)
        text("segment", segment)
        number("sla_days", slaDays)
        text("stage", stage)
        o.close(into: &out)
    }
}

extension PortfolioRow {
    /// The row as `ReportJSON` writes objects, without boxing each field: the portfolio
    /// writes 10,000 of these, each on whichever core worked out its account.
    func writeJSON(indent: Int, into out: inout [UInt8]) {
        var o = ReportJSON.Object(indent: indent)
        func text(_ key: StaticString, _ value: String?) {
            guard let value else { return }
            o.key(key, into: &out)
            ReportJSON.string(value, into: &out)
        }
        func number(_ key: StaticString, _ value: Int) {
            o.key(key, into: &out)
            ReportJSON.digits(value, into: &out)
        }
        func flag(_ key: StaticString, _ value: Bool) {
            o.key(key, into: &out)
            out.append(contentsOf: (value ? "true" : "false").utf8)
        }
        // In the keys' sorted order, as the encoder writes them.
        text("account", account)
        number("arr", arr)
        o.key("checkpoints", into: &out)
        ReportJSON.array(checkpoints, indent: indent + 2, into: &out) { $0.writeJSON(indent: indent + 4, into: &$1) }
        flag("completed", completed)
        text("csm", csm)
        number("days_to_go_live", daysToGoLive)
        text("go_live", goLive)
        text("go_live_baseline", goLiveBaseline)
        number("go_live_moves", goLiveMoves)
        text("next_due", nextDue)
        text("on_hold_since", onHoldSince)
        text("rag", rag)
        o.key("reasons", into: &out)
        ReportJSON.strings(reasons, indent: indent + 2, into: &out)
        text("segment", segment)
        text("stage", stage)
        flag("stalled", stalled)
        o.close(into: &out)
    }
}

extension CheckpointRow {
    func writeJSON(indent: Int, into out: inout [UInt8]) {
        var o = ReportJSON.Object(indent: indent)
        // In the keys' sorted order; no list of pairs made for each of 90,000 checkpoints.
        if let achievedOn {
            o.key("achieved_on", into: &out)
            ReportJSON.string(achievedOn, into: &out)
        }
        o.key("due", into: &out)
        ReportJSON.string(due, into: &out)
        o.key("name", into: &out)
        ReportJSON.string(name, into: &out)
        o.key("state", into: &out)
        ReportJSON.string(state, into: &out)
        o.close(into: &out)
    }
}

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
        o.text("account", account, into: &out)
        o.number("arr", arr, into: &out)
        o.text("ball_in_court", ballInCourt, into: &out)
        o.text("csm", csm, into: &out)
        o.number("days_in_stage", daysInStage, into: &out)
        o.number("days_stalled", daysStalled, into: &out)
        o.flag("escalated", escalated, into: &out)
        o.text("rag", rag, into: &out)
        o.texts("reasons", reasons, into: &out)
        o.text("segment", segment, into: &out)
        o.number("sla_days", slaDays, into: &out)
        o.text("stage", stage, into: &out)
        o.close(into: &out)
    }
}

extension PortfolioRow {
    /// The row as `ReportJSON` writes objects, without boxing each field: the portfolio
    /// writes 10,000 of these, each on whichever core worked out its account.
    func writeJSON(indent: Int, into out: inout [UInt8]) {
        var o = ReportJSON.Object(indent: indent)
        // In the keys' sorted order, as the encoder writes them.
        o.text("account", account, into: &out)
        o.number("arr", arr, into: &out)
        o.text("ball_in_court", ballInCourt, into: &out)
        o.key("checkpoints", into: &out)
        ReportJSON.array(checkpoints, indent: indent + 2, into: &out) { $0.writeJSON(indent: indent + 4, into: &$1) }
        o.flag("completed", completed, into: &out)
        o.text("csm", csm, into: &out)
        o.number("days_to_go_live", daysToGoLive, into: &out)
        o.text("go_live", goLive, into: &out)
        o.text("go_live_baseline", goLiveBaseline, into: &out)
        o.text("go_live_forecast", goLiveForecast, into: &out)
        o.number("go_live_moves", goLiveMoves, into: &out)
        o.text("next_due", nextDue, into: &out)
        o.text("on_hold_since", onHoldSince, into: &out)
        o.text("rag", rag, into: &out)
        o.texts("reasons", reasons, into: &out)
        o.text("segment", segment, into: &out)
        o.text("stage", stage, into: &out)
        o.flag("stalled", stalled, into: &out)
        o.close(into: &out)
    }
}

extension CheckpointRow {
    func writeJSON(indent: Int, into out: inout [UInt8]) {
        var o = ReportJSON.Object(indent: indent)
        // In the keys' sorted order; no list of pairs made for each of 90,000 checkpoints.
        o.text("achieved_on", achievedOn, into: &out)
        o.text("due", due, into: &out)
        o.text("forecast", forecast, into: &out)
        o.text("name", name, into: &out)
        o.text("state", state, into: &out)
        o.close(into: &out)
    }
}

extension ChangeRow {
    /// The row as `ReportJSON` writes objects, keys in the encoder's sorted order: a week
    /// at 100,000 accounts is 70,000 of these, and the encoder took five seconds over them.
    func writeJSON(indent: Int, into out: inout [UInt8]) {
        var o = ReportJSON.Object(indent: indent)
        o.text("account", account, into: &out)
        o.texts("approvals", approvals, into: &out)
        o.number("arr", arr, into: &out)
        o.text("csm", csm, into: &out)
        o.texts("escalations", escalations, into: &out)
        o.number("events", events, into: &out)
        o.texts("holds", holds, into: &out)
        o.flag("new", new, into: &out)
        o.text("rag_before", ragBefore, into: &out)
        o.text("rag_now", ragNow, into: &out)
        o.texts("reasons", reasons, into: &out)
        o.text("segment", segment, into: &out)
        o.texts("slips", slips, into: &out)
        o.text("stage_before", stageBefore, into: &out)
        o.text("stage_now", stageNow, into: &out)
        o.texts("tasks_done", tasksDone, into: &out)
        o.close(into: &out)
    }
}

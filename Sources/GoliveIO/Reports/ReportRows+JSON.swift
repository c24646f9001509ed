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
    var json: ReportJSON.Value {
        .object([
            ("account", .string(account)), ("csm", .string(csm)), ("segment", .string(segment)),
            ("stage", .string(stage)), ("rag", .string(rag)), ("reasons", .array(reasons.map { .string($0) })),
            ("ball_in_court", .string(ballInCourt)), ("days_stalled", .int(daysStalled)),
            ("days_in_stage", .int(daysInStage)), ("sla_days", .int(slaDays)), ("arr", .int(arr)),
            ("escalated", .bool(escalated)),
        ])
    }
}

extension PortfolioRow {
    var json: ReportJSON.Value {
        .object([
            ("account", .string(account)), ("csm", .string(csm)), ("segment", .string(segment)),
            ("stage", .string(stage)), ("rag", .string(rag)), ("reasons", .array(reasons.map { .string($0) })),
            ("checkpoints", .array(checkpoints.map(\.json))), ("next_due", nextDue.map { .string($0) }),
            ("go_live", .string(goLive)), ("days_to_go_live", .int(daysToGoLive)), ("arr", .int(arr)),
            ("stalled", .bool(stalled)), ("completed", .bool(completed)),
            ("on_hold_since", onHoldSince.map { .string($0) }),
            ("go_live_baseline", goLiveBaseline.map { .string($0) }), ("go_live_moves", .int(goLiveMoves)),
        ])
    }
}

extension CheckpointRow {
    var json: ReportJSON.Value {
        .object([
            ("name", .string(name)), ("due", .string(due)), ("state", .string(state)),
            ("achieved_on", achievedOn.map { .string($0) }),
        ])
    }
}

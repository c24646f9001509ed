import Foundation
import Testing

/// `report portfolio`'s forecasts, go-live forecasts and courts against an independent
/// reading of PRODUCT.md's "Forecast, critical path and whose court", written in Python from
/// the text alone (`Independent/schedule.py`), on seeded stores of hundreds of accounts over
/// several days: a past day, the day of the changes, days during and after holds, a year on.
/// Two readings of the same text that agree on every account leave little room for either
/// to misread it; where they disagree the test names the account, field and both values.
struct IndependentScheduleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Independent")

    init() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let r = try cli.runProgram("/usr/bin/env", ["python3", "--version"])
        // Never skipped: CI has python3, and a comparison not made must not pass unseen.
        try #require(
            r.status == 0, "python3 (3.11, standard library only) is needed to run Independent/schedule.py: \(r.err)")
    }

    /// The seeder makes no hold, no blocked customer task and no tie on a critical path:
    /// `plan_changes.py` picks accounts for those and golive's own change commands make them,
    /// the day after the seed's (half the holds resume ten days after it); `craft_plans.py`
    /// then writes into the export what only the board's keys can make (dependencies: a tie
    /// the earliest due decides against the lower id, a gap from a finished task, a task of
    /// no checkpoint waited on, an achieved checkpoint with open tasks, a second hold, a plan
    /// with no go-live checkpoint), and `restore` reads it back. A court the text names no
    /// case for shows as a disagreement, with the independent side's words for it.
    @Test func aChangedPortfolioAgreesOnEveryAccountDuringAndAfterHolds() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("changed.sqlite")
        try golive(cli, ["seed", "--store", store, "--accounts", "250", "--seed", "11", "--as-of", "2026-11-22"])
        let seeded = cli.file("seeded.json")
        try golive(cli, ["export", "--store", store, "--as-of", "2026-11-22", "--output", seeded])
        let planned = try python(cli, "plan_changes.py", [seeded, "2026-11-22"])
        let changes = try JSONDecoder().decode([[String]].self, from: Data(planned.utf8))
        try #require(changes.count >= 20, "too few changes planned: \(changes)")
        for change in changes { try golive(cli, change + ["--store", store]) }

        var seen = Seen()
        let latest = cli.file("latest.json")
        try golive(cli, ["export", "--store", store, "--as-of", "2026-12-02", "--output", latest])
        // 2026-11-28 is during every hold: the report rewinds the store to it, and only the
        // resumes of 2026-12-02 (not in force on 2026-11-28) came after, so the export of
        // 2026-12-02 gives the plan of that day.
        try compare(cli, store, export: latest, days: ["2026-11-28"], seen: &seen)
        let crafted = cli.file("crafted.json")
        try python(cli, "craft_plans.py", [latest, "2026-12-02", "2026-11-23", crafted])
        let restored = cli.file("crafted.sqlite")
        try golive(cli, ["restore", crafted, "--store", restored])
        try compare(
            cli, restored, export: crafted, days: ["2026-12-02", "2026-12-20", "2027-03-01", "2027-12-01"], seen: &seen)

        // The data reached every case of the text, or agreeing would prove little.
        let cases = [
            "internal task", "internal task blocked", "customer task", "customer task blocked", "approval pending",
            "approval rejected", "checkpoint the customer confirms", "checkpoint we confirm",
            "nothing late or slipping",
        ]
        for c in cases { #expect(seen.cases[c, default: 0] > 0, "no account's court was decided by '\(c)': \(seen)") }
        #expect(seen.ties["id decisive", default: 0] > 0, "no court decided by the lower id in a tie: \(seen)")
        #expect(seen.ties["due decisive", default: 0] > 0, "no court decided by the earliest due in a tie: \(seen)")
        #expect(seen.held > 0, "no account compared while on hold: \(seen)")
        #expect(seen.accounts >= 1250, "\(seen)")
    }

    /// Another seed, untouched: a past day rewound from the seeder's events, its own day,
    /// and months after it.
    @Test func aSeededPortfolioAgreesOnAPastDayAndMonthsOn() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("seeded.sqlite")
        try golive(cli, ["seed", "--store", store, "--accounts", "250", "--seed", "5", "--as-of", "2026-10-15"])
        var seen = Seen()
        for (day, days) in [("2026-09-20", ["2026-09-20"]), ("2026-10-15", ["2026-10-15", "2027-02-01"])] {
            let export = cli.file("export-\(day).json")
            try golive(cli, ["export", "--store", store, "--as-of", day, "--output", export])
            try compare(cli, store, export: export, days: days, seen: &seen)
        }
        #expect(seen.accounts >= 550, "\(seen)")
    }

    /// PRODUCT.md, "On hold": "from the day a hold begins, its colour, reasons and forecast
    /// stand as they were that day and no clock runs (days in stage, overdue, waiting,
    /// pending)". Accounts with overdue work are put on hold and not touched again; before
    /// the day the customer expects to resume, their rows must read as on the first day.
    @Test func anAccountOnHoldStandsAsItWasOnTheHoldsFirstDay() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("held.sqlite")
        try golive(cli, ["seed", "--store", store, "--accounts", "120", "--seed", "11", "--as-of", "2026-11-22"])
        let seeded = try JSONDecoder().decode(
            [HeldRow].self,
            from: Data(
                try golive(cli, ["report", "portfolio", "--store", store, "--format", "json", "--as-of", "2026-11-22"])
                    .utf8))
        let held = seeded.filter { !$0.completed && $0.reasons.contains { $0.contains("overdue") } }.prefix(5)
        try #require(held.count == 5)
        for row in held {
            try golive(
                cli,
                [
                    "hold", row.account, "customer freeze", "--until", "2026-12-20", "--store", store, "--as-of",
                    "2026-11-23",
                ])
        }
        func rows(_ day: String) throws -> [String: HeldRow] {
            let out = try golive(cli, ["report", "portfolio", "--store", store, "--format", "json", "--as-of", day])
            return Dictionary(
                uniqueKeysWithValues: try JSONDecoder().decode([HeldRow].self, from: Data(out.utf8)).map {
                    ($0.account, $0)
                })
        }
        let first = try rows("2026-11-23")
        let later = try rows("2026-12-10")
        var differences: [String] = []
        for name in held.map(\.account) {
            let (a, b) = (try #require(first[name]), try #require(later[name]))
            #expect(a.onHoldSince == "2026-11-23" && b.onHoldSince == "2026-11-23", "\(name) is not on hold")
            if a.rag != b.rag { differences.append("'\(name)' colour: \(a.rag) on 2026-11-23, \(b.rag) on 2026-12-10") }
            if a.ballInCourt != b.ballInCourt {
                differences.append(
                    "'\(name)' ball in court: \(a.ballInCourt ?? "none") on 2026-11-23, \(b.ballInCourt ?? "none") on 2026-12-10"
                )
            }
            if a.checkpoints != b.checkpoints {
                differences.append(
                    "'\(name)' checkpoints: \(a.checkpoints) on 2026-11-23, \(b.checkpoints) on 2026-12-10")
            }
            for reason in b.reasons where !a.reasons.contains(reason) {
                differences.append("'\(name)' reason on 2026-12-10 not there on 2026-11-23: \(reason)")
            }
            for reason in a.reasons where !b.reasons.contains(reason) {
                differences.append("'\(name)' reason on 2026-11-23 gone on 2026-12-10: \(reason)")
            }
        }
        let stood = differences.isEmpty
        #expect(
            stood,
            """
            accounts on hold since 2026-11-23 read differently on 2026-12-10 (\(differences.count) differences); the first:
            \(differences.prefix(12).joined(separator: "\n"))
            """)
    }

    struct HeldRow: Decodable {
        var account: String
        var completed: Bool
        var rag: String
        var reasons: [String]
        var ballInCourt: String?
        var onHoldSince: String?
        var checkpoints: [State]

        struct State: Decodable, Equatable, CustomStringConvertible {
            var name: String
            var state: String
            var forecast: String?
            var description: String { "\(name) \(state) \(forecast ?? "-")" }
        }

        enum CodingKeys: String, CodingKey {
            case account, completed, rag, reasons, checkpoints
            case ballInCourt = "ball_in_court"
            case onHoldSince = "on_hold_since"
        }
    }

    // MARK: - The comparison

    /// What the independent side says each compared account's court came from, counted.
    struct Seen: CustomStringConvertible {
        var accounts = 0
        var held = 0
        var cases: [String: Int] = [:]
        var ties: [String: Int] = [:]
        var description: String { "\(accounts) accounts compared, \(held) on hold; courts: \(cases); ties: \(ties)" }
    }

    struct Independent: Decodable {
        var goLiveForecast: String
        var ballInCourt: String?
        var courtCase: String
        var criticalPath: String
        var scheduleDay: String
        var ties: [String]
        var checkpoints: [Forecast]

        // Named as the report names them (a key strategy would rename account names too).
        enum CodingKeys: String, CodingKey {
            case goLiveForecast = "go_live_forecast"
            case ballInCourt = "ball_in_court"
            case courtCase = "court_case"
            case criticalPath = "critical_path"
            case scheduleDay = "schedule_day"
            case ties, checkpoints
        }
    }

    struct Forecast: Decodable {
        var name: String
        var forecast: String?
    }

    struct Row: Decodable {
        var account: String
        var goLiveForecast: String?
        var ballInCourt: String?
        var checkpoints: [Forecast]

        enum CodingKeys: String, CodingKey {
            case account
            case goLiveForecast = "go_live_forecast"
            case ballInCourt = "ball_in_court"
            case checkpoints
        }
    }

    /// Has the independent side work out each of `days` from the export (the store's plan on
    /// those days), and holds the store's `report portfolio --as-of` each day against it.
    func compare(_ cli: CLI, _ store: String, export: String, days: [String], seen: inout Seen) throws {
        let out = try python(cli, "schedule.py", [export] + days)
        let independent = try JSONDecoder().decode([String: [String: Independent]].self, from: Data(out.utf8))
        var disagreements: [String] = []
        for day in days {
            let report = try golive(cli, ["report", "portfolio", "--store", store, "--as-of", day, "--format", "json"])
            let rows = try JSONDecoder().decode([Row].self, from: Data(report.utf8))
            let theirs = try #require(independent[day])
            #expect(
                Set(rows.map(\.account)) == Set(theirs.keys),
                "\(day): the report and the export name different accounts")
            for row in rows {
                guard let other = theirs[row.account] else { continue }
                seen.accounts += 1
                if other.scheduleDay != day { seen.held += 1 }
                if other.ballInCourt != nil { seen.cases[other.courtCase, default: 0] += 1 }
                for tie in other.ties { seen.ties[tie, default: 0] += 1 }
                disagreements += differences(day, row, other)
            }
        }
        let agree = disagreements.isEmpty
        #expect(
            agree,
            """
            golive and the independent reading of PRODUCT.md disagree \(disagreements.count) times; the first:
            \(disagreements.prefix(15).joined(separator: "\n"))
            """)
    }

    /// Each field on which the two differ, in words.
    func differences(_ day: String, _ row: Row, _ other: Independent) -> [String] {
        let on = "\(day) '\(row.account)'"
        let hold = other.scheduleDay == day ? "" : " (on hold: worked out on \(other.scheduleDay))"
        var found: [String] = []
        if row.goLiveForecast != other.goLiveForecast {
            found.append(
                "\(on) go_live_forecast: golive \(row.goLiveForecast ?? "none"), independent \(other.goLiveForecast)\(hold)"
            )
        }
        if row.ballInCourt != other.ballInCourt {
            found.append(
                "\(on) ball_in_court: golive \(row.ballInCourt ?? "none"), independent \(other.ballInCourt ?? "none")"
                    + " (\(other.courtCase): \(other.criticalPath))\(hold)")
        }
        if row.checkpoints.map(\.name) != other.checkpoints.map(\.name) {
            found.append(
                "\(on) checkpoints: golive \(row.checkpoints.map(\.name)), export \(other.checkpoints.map(\.name))")
            return found
        }
        for (mine, theirs) in zip(row.checkpoints, other.checkpoints) where mine.forecast != theirs.forecast {
            found.append(
                "\(on) '\(mine.name)' forecast: golive \(mine.forecast ?? "none"), independent \(theirs.forecast ?? "none")\(hold)"
            )
        }
        return found
    }

    // MARK: - Running the programs

    /// Runs golive; a failure stops the test with golive's own words.
    @discardableResult
    func golive(_ cli: CLI, _ args: [String]) throws -> String {
        let r = try cli.run(args)
        try #require(r.status == 0, "golive \(args.joined(separator: " ")): \(r.err)")
        return r.out
    }

    /// Runs one of the `Independent` scripts; it writes nothing but the files it is given
    /// (no bytecode either).
    @discardableResult
    func python(_ cli: CLI, _ script: String, _ args: [String]) throws -> String {
        let path = Self.folder.appendingPathComponent(script).path
        let r = try cli.runProgram(
            "/usr/bin/env", ["python3", path] + args, env: ["PYTHONDONTWRITEBYTECODE": "1"])
        try #require(r.status == 0, "python3 \(script): \(r.err)")
        return r.out
    }
}

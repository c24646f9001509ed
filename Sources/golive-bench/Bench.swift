import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

/// The benchmark harness: builds stores with `golive seed`'s seeder and measures what a
/// user waits for. It prints a table and writes JSON; it asserts nothing — the budgets are
/// checked by reading its figures (README "Performance").
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golive-bench",
        abstract: "Measure golive: open, keystrokes, saved actions, reports, memory, terminal bytes.",
        subcommands: [Run.self, Open.self, Verify.self, Write.self, Soak.self], defaultSubcommand: Run.self)
}

let asOf = Day(year: 2026, month: 11, day: 22)
/// The moment the harness's changes are recorded at: on the seeding day, so the stores stay
/// that day's live portfolio (`--as-of 2026-11-22` is not a past day for them).
let benchNow = Date(timeIntervalSince1970: Double(asOf.ordinal) * 86_400 + 15 * 3_600)

import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

/// One measured store: opened, its state built and the board rendered headless — what
/// `golive` does before the first frame — then the peak memory. Run as its own process so
/// each scale starts cold.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a store to the first board frame; print ms and peak MB as JSON.")
    @Option var store: String

    func run() throws {
        var frame = Canvas(width: 0, height: 0)
        let ms = try measure {
            let s = try Store(path: store, mode: .readOnly)
            let state = AppState(
                try Session.snapshot(s, user: "bench"), today: asOf, user: "bench", readOnly: true, width: 120,
                height: 40)
            let session = Session(store: s, state: state)
            frame = Renderer(glyphs: Glyphs(unicode: true)).render(session.state)
        }
        precondition(frame.lines[1].contains("ACCOUNT"), "no board frame")
        print("{\"open_ms\": \(ms), \"peak_mb\": \(peakMemoryMB())}")
    }
}

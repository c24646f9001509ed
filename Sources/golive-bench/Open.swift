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
    @Option(help: "A screen's key pressed after the board's first frame (2 to 5): its first frame is timed too.")
    var then: String?

    func run() throws {
        var frame = Canvas(width: 0, height: 0)
        let renderer = Renderer(glyphs: Glyphs(unicode: true))
        var session: Session?
        let ms = try measure {
            let s = try Store(path: store, mode: .readOnly)
            let state = AppState(
                try Session.snapshot(s, user: "bench"), today: asOf, user: "bench", readOnly: true, width: 120,
                height: 40)
            let opened = Session(store: s, state: state)
            frame = renderer.render(opened.state)
            session = opened
        }
        precondition(frame.lines[1].contains("ACCOUNT"), "no board frame")
        guard let key = then?.first, let session else {
            print("{\"open_ms\": \(ms), \"peak_mb\": \(peakMemoryMB())}")
            return
        }
        // As the terminal reads them: off the key path, the first frame drawn when the first
        // of what was read comes in (the agenda's first screen comes before the whole of it).
        session.offKeyPath = true
        let screenMS = measure {
            session.press(.char(key))
            // A screen worked out from what the board holds (the stalled review) reads nothing.
            while session.isWaitingOffKeyPath && !session.collect() { usleep(100) }
            frame = renderer.render(session.state)
        }
        let wholeMS = measure {
            while session.isWaitingOffKeyPath {
                usleep(100)
                session.collect()
            }
            frame = renderer.render(session.state)
        }
        print(
            "{\"open_ms\": \(ms), \"screen_ms\": \(screenMS), \"whole_ms\": \(screenMS + wholeMS), "
                + "\"peak_mb\": \(peakMemoryMB())}")
    }
}

import Foundation
import GoliveTerminal

/// The terminal loop: keys in, frames out. Effects are the session's business.
final class Runtime {
    /// How often the store is asked whether another instance committed (`PRAGMA
    /// data_version`, about 20 µs a look).
    static let pollInterval: TimeInterval = 1
    /// On a team store the look reads only what the server already sent (its notifications,
    /// no round trip): often enough that another machine's change shows within a tenth of a second.
    static let teamPollInterval: TimeInterval = 0.1
    /// How long the board is left alone before the metrics' facts are read ahead.
    static let readAheadAfter: TimeInterval = 1
    let session: Session
    let backend: Backend
    let renderer: Renderer
    let memory = MemoryGiver()

    init(session: Session, backend: Backend, renderer: Renderer) {
        self.session = session
        self.backend = backend
        self.renderer = renderer
    }

    /// Runs until the user quits or a signal asks us to; returns the exit status.
    func run() -> Int32 {
        session.willWait = { [unowned self] in backend.draw(renderer.render(session.state)) }
        session.offKeyPath = true
        let (w, h) = backend.size
        session.send(.resize(width: w, height: h))
        backend.draw(renderer.render(session.state))
        var lastPoll = Date()
        var lastInput = Date()
        let pollInterval = session.store.isTeamStore ? Runtime.teamPollInterval : Runtime.pollInterval
        while !session.state.quitting {
            let s = pendingSignal.load(ordering: .relaxed)
            // Ctrl-C is how people quit terminal programs: a clean exit. TERM and HUP
            // report the signal in the exit status, as a shell expects.
            if s == SIGINT { return 0 }
            if s != 0 { return 128 + s }
            memory.giveBackIfDue(now: Date())
            guard let input = backend.read(timeout: 100) else {
                let now = Date()
                var changed = false
                // Other instances' commits show up within a second, without a key press.
                if now.timeIntervalSince(lastPoll) >= pollInterval {
                    lastPoll = now
                    changed = session.poll(now: now)
                    session.idle()
                }
                // Never while keys come in: on two cores the reading would slow them.
                if now.timeIntervalSince(lastInput) >= Runtime.readAheadAfter { session.readAhead() }
                if session.collect() { changed = true }
                if !session.state.flash.isEmpty {
                    session.send(.tick(now))
                    changed = true
                }
                if changed {
                    memory.noteWork()
                    backend.draw(renderer.render(session.state))
                }
                continue
            }
            lastInput = Date()
            memory.noteWork()
            switch input {
            case .key(let k): session.send(.key(k))
            case .resize(let w, let h): session.send(.resize(width: w, height: h))
            }
            session.collect()
            backend.draw(renderer.render(session.state))
        }
        if session.isSaving {
            session.send(.working("saving your last change before golive ends (the store is busy)…"))
            backend.draw(renderer.render(session.state))
            session.settle()
        }
        return 0
    }
}

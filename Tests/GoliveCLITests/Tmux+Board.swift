import Foundation
import Testing

extension Tmux {
    /// The board on `store` as `user` on `asOf`, once it shows its first frame (a board on a
    /// past day shows `waitFor` instead of the account count).
    static func board(
        _ cli: CLI, _ store: String, asOf: String = "2026-11-22", user: String = "tester",
        waitFor: String = "accounts (", sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Tmux {
        let t = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) --as-of \(asOf) --user \(user)")
        do {
            #expect(try t.waitFor(waitFor), "\(t.shown)", sourceLocation: sourceLocation)
        } catch {
            t.stop()
            throw error
        }
        return t
    }

    /// Enter on the board: the first account, its lanes shown.
    func openFirstAccount(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try keys("Enter")
        #expect(try waitFor("Internal ("), "\(shown)", sourceLocation: sourceLocation)
    }
}

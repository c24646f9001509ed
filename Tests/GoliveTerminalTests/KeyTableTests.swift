import Foundation
import GoliveIO
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

struct KeyTableTests {
    func load(_ text: String) throws -> KeyTable {
        let dir = TempDir()
        let path = dir.file("keys.yaml")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try KeyTable.load(path: path)
    }

    @Test func aUserMayRebindAndAddKeys() throws {
        let t = try load("toggle-done: [x, Space]\nescalate: E\n")
        #expect(t.command(for: .char(" "), in: .account) == .toggleDone)
        #expect(t.command(for: .char("E"), in: .account) == .escalate)
        #expect(t.command(for: .char("!"), in: .account) == nil)
    }

    @Test(arguments: [
        ("escalate: x\n", "keys.yaml:1: key 'x' is bound to both toggle-done and escalate"),
        ("reload: j\n", "keys.yaml:1: key 'j' is bound to both move-down and reload"),
        // The second binding of a key is the line to fix, whichever command the table lists first.
        (
            "toggle-done: [x, E]\nadd-note: n\nescalate: E\n",
            "keys.yaml:3: key 'E' is bound to both toggle-done and escalate"
        ),
        (
            "escalate: E\nadd-note: n\ntoggle-done: [x, E]\n",
            "keys.yaml:3: key 'E' is bound to both toggle-done and escalate"
        ),
        ("launch: L\n", "keys.yaml:1: unknown command 'launch'"),
        ("escalate: Hyper-Z\n", "keys.yaml:1: escalate: unknown key 'Hyper-Z'"),
        ("escalate: []\n", "keys.yaml:1: escalate: no key left for this command"),
    ])
    func aConflictOrUnknownNameIsRefusedAtStart(_ text: String, _ message: String) throws {
        do {
            _ = try load(text)
            Issue.record("accepted \(text)")
        } catch {
            // The message is PATH/keys.yaml:LINE: reason.
            #expect("\(error)".contains("/" + message), "got: \(error)")
        }
    }

    @Test func theSameKeyMayMeanDifferentThingsOnDifferentScreens() throws {
        // 'r' reloads on the board; binding it on the account screen is no conflict.
        let t = try load("mark-waiting: r\n")
        #expect(t.command(for: .char("r"), in: .board) == .reload)
        #expect(t.command(for: .char("r"), in: .account) == .markWaiting)
    }

    @Test func theHelpOverlayListsEveryBindingOfTheTable() throws {
        let dir = TempDir()
        // As wide as the box, so every line of the screen is the box's.
        let s = try session(try makeStore(dir), width: Renderer.helpWidth, height: 60)
        s.press(.char("?"))
        // Every page of it, each description whole: wrapped under its column, never cut.
        var screen = ""
        for _ in 0..<8 {
            let text = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
            let cut = text.split(separator: "\n").filter { $0.hasSuffix("…│") }
            #expect(cut.isEmpty, "lines of the help cut: \(cut)")
            screen += text
            s.press(.pageDown)
        }
        let flowing = screen.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
        s.press(.escape, .char("?"))
        for b in KeyTable.defaults.bindings {
            #expect(flowing.contains(b.description), "missing: \(b.description)")
        }
        s.type("undo")
        let filtered = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        #expect(filtered.contains("undo your last change") && !filtered.contains("move down"))
    }
}

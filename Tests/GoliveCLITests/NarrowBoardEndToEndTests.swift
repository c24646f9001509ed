import Foundation
import Testing

/// The board at the documented minimum in a real terminal: whole columns give way and no
/// date is cut; in the C locale the ASCII set keeps a name's case and marks amber apart
/// from an escalation; on 256 colours red and amber are colours 160 and 178.
@Suite(.serialized)
struct NarrowBoardEndToEndTests {
    let asOf = "--as-of 2026-11-22"

    @Test(arguments: ["xterm-256color", "tmux-256color"])
    func theMinimumSizeKeepsTheGoLiveWholeInTheCLocale(_ term: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try Tmux(
            cli: cli, width: 60, height: 20, command: "env LANG=C TERM=\(term) \(CLI.binary) --store \(store) \(asOf)")
        defer { t.stop() }
        #expect(try t.waitFor("GO-LIVE"), "\(t.shown)")
        let lines = try t.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1].contains("ACCOUNT") && lines[1].contains("STAGE D/SLA") && lines[1].hasSuffix("ARR"))
        #expect(!lines[1].contains("CSM") && !lines[1].contains("CHK"))
        let rows = lines.dropFirst(2).filter { $0.hasPrefix(" x R") || $0.hasPrefix(" ^ A") || $0.hasPrefix(" o G") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(/\d\d-\d\d/) }, "\(t.shown)")
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        try t.keys("/")
        try t.type("lodz")
        try t.keys("Enter")
        #expect(try t.waitFor("Lodz Systems"), "\(t.shown)")
    }

    @Test func redAndAmberAreFarApartOn256Colours() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        // The environment the tests run in may set NO_COLOR; this test is about colour.
        let t = try Tmux(
            cli: cli, command: "env -u NO_COLOR TERM=xterm-256color \(CLI.binary) --store \(store) \(asOf)")
        defer { t.stop() }
        #expect(try t.waitFor("GO-LIVE"))
        var coloured = ""
        let both = t.waitUntil {
            coloured = (try? t.screen(colours: true)) ?? ""
            return coloured.contains("38;5;160m✖") && coloured.contains("38;5;178m▲")
        }
        #expect(both, "\(coloured.prefix(600).debugDescription)")
        #expect(!coloured.contains("38;5;166"))
    }
}

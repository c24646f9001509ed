import Foundation
import GoliveIO
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

struct ThemeTests {
    @Test(arguments: [
        ("#ff0000", 256, 196), ("#ff0000", 16, 9), ("#ff0000", 8, 1), ("#0072b2", 256, 25), ("#e69f00", 16, 3),
        ("bright-blue", 16, 12), ("bright-blue", 8, 4), ("208", 256, 208), ("208", 16, 3), ("red", 0x100_0000, 1),
        ("#123456", 0x100_0000, 0x123456), ("default", 256, -1),
    ])
    func coloursDegradeToWhatTheTerminalHas(_ text: String, _ colors: Int, _ expected: Int) {
        #expect(Color(text)?.number(colors: colors) == expected)
    }

    @Test func aTerminalWithoutColoursGetsNone() {
        #expect(Color("red")?.number(colors: 2) == nil)
        let mono = Theme.default.monochrome
        #expect(mono.style(.ragRed).fg == .default && mono.style(.ragRed).bold)
        #expect(mono.style(.selection).reverse)
    }

    @Test func aThemeOverridesOnlyTheRolesItNames() throws {
        let t = try ThemeFile.parse(
            "name: t\npalette: {o: \"#e69f00\"}\nroles:\n  rag.red: {fg: o, bold: true}\n", file: "t.yaml")
        #expect(t.style(.ragRed) == Style(fg: .rgb(0xe6, 0x9f, 0x00), bold: true))
        #expect(t.style(.header) == Theme.defaults[.header])
    }

    @Test(arguments: [
        ("name: t\nroles:\n  rag.purple: {fg: red}\n", "t.yaml:3: unknown role 'rag.purple'"),
        (
            "name: t\nroles:\n  rag.red: {fg: reddish}\n",
            "t.yaml:3: roles.rag.red.fg: 'reddish' is neither a palette name nor a colour"
        ),
        ("name: t\npalette: {x: \"#12\"}\n", "t.yaml:2: palette.x: '#12' is not a colour"),
        ("name: t\nroles:\n  rag.red: {fg: red, blink: true}\n", "t.yaml:3: roles.rag.red: unknown key 'blink'"),
        ("name: t\nroles: [\n", "t.yaml:3: YAML syntax error"),
    ])
    func aBadThemeIsRefusedWithFileLineAndReason(_ text: String, _ message: String) {
        do {
            _ = try ThemeFile.parse(text, file: "t.yaml")
            Issue.record("accepted a bad theme")
        } catch {
            #expect("\(error)".hasPrefix(message), "got: \(error)")
        }
    }

    @Test func theShippedThemesAreValidAndFoundFromTheSourceTree() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let exe = repo.appendingPathComponent(".build/debug/golive").path
        let catalog = ThemeCatalog(userDirectory: "/nonexistent", executablePath: exe)
        #expect(Set(catalog.list().map(\.name)).isSuperset(of: ["default", "deuteranopia", "high-contrast", "mono"]))
        for name in ["default", "deuteranopia", "high-contrast", "mono"] { _ = try catalog.theme(name) }
        let d = try catalog.theme("deuteranopia")
        // Blue, yellow and vermillion: no role of the RAG is drawn in red or green.
        for role in [Role.ragRed, .ragAmber, .ragGreen] {
            let n = d.style(role).fg.number(colors: 256)!
            #expect(![1, 2, 9, 10, 196, 46, 28, 34, 160].contains(n), "\(role) is \(n)")
        }
    }
}

extension ThemeTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theBuiltInThemesAreTheShippedFilesWordForWord() throws {
        let dir = Self.repo.appendingPathComponent("Themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltinThemes.files.keys))
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let name = String(f.dropLast(5))
            #expect(BuiltinThemes.files[name] == text.trimmingCharacters(in: .newlines), "\(f) differs")
        }
    }

    @Test func aBinaryFarFromTheSourceTreeStillListsAndUsesEveryShippedTheme() throws {
        let catalog = ThemeCatalog(userDirectory: "/nonexistent", executablePath: "/usr/local/bin/golive")
        #expect(catalog.list().map(\.name) == ["default", "deuteranopia", "high-contrast", "mono"])
        #expect(catalog.list().allSatisfy { $0.path == ThemeCatalog.builtIn })
        for name in ["default", "deuteranopia", "high-contrast", "mono"] { _ = try catalog.theme(name) }
    }

    /// On a light terminal, white or yellow text on the terminal's own background cannot
    /// be read: high contrast keeps text in the terminal's colour or on a background of its own.
    @Test func highContrastIsReadableOnALightBackground() throws {
        let t = try ThemeCatalog(userDirectory: "/nonexistent", executablePath: "/x/golive").theme("high-contrast")
        let light: Set<Int> = [3, 6, 7, 11, 14, 15, 226, 231]
        for role in Role.allCases {
            let style = t.style(role)
            guard style.bg == .default, let fg = style.fg.number(colors: 256), fg >= 0 else { continue }
            #expect(!light.contains(fg), "\(role) is colour \(fg) on the terminal's own background")
        }
    }
}

import Foundation
import Testing

@testable import GoliveDomain

struct TextTests {
    @Test(arguments: [
        ("abc", 3), ("東京", 4), ("é", 1), ("e\u{301}", 1), ("🚀", 2), ("👩‍💻", 2), ("\u{200B}", 0), ("☀️", 2),
    ])
    func displayWidthCountsTerminalColumns(_ s: String, _ w: Int) {
        #expect(Text.width(s) == w)
    }

    @Test func truncationNeverSplitsAWideCharacterNorOverflows() {
        #expect(Text.truncate("東京ロジスティクス", to: 7) == "東京ロ…")
        #expect(Text.width(Text.truncate("東京ロジスティクス", to: 6)) <= 6)
        #expect(Text.truncate("short", to: 10) == "short")
        #expect(Text.pad("東京", to: 6) == "東京  ")
    }

    @Test func controlSequencesFromDataAreMadeInert() {
        let hostile = "A\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}31m\u{202E}B\nC"
        let safe = Text.inert(hostile)
        #expect(
            !safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(safe == "A␛[2J␛]52;c;ZXZpbA==␇\u{FFFD}31m\u{FFFD}B C")
    }
}

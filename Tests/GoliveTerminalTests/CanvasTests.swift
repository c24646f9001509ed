import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

struct CanvasTests {
    @Test func wideCharactersTakeTwoCellsAndAreNeverSplitByTruncation() {
        var c = Canvas(width: 10, height: 1)
        c.put("東京ロジスティクス", x: 0, y: 0)
        #expect(c.lines == ["東京ロジ… "])
        #expect(c[1, 0].continuation && !c[0, 0].continuation)
    }

    @Test func writingOverHalfAWideCharacterBlanksTheOtherHalf() {
        var c = Canvas(width: 6, height: 2)
        c.put("a東b", x: 0, y: 0)
        c.put("|", x: 2, y: 0)  // the right half of 東
        #expect(c.lines[0] == "a |b  " && Text.width(c.lines[0]) == 6)
        c.put("東京", x: 0, y: 1)
        c.fill(x: 1, y: 1, width: 2, role: .dim)  // the right half of 東, the left half of 京
        #expect(Text.width(c.lines[1]) == 6 && c.lines[1] == "      ")
    }

    @Test func textFromDataIsInertOnTheCanvas() {
        var c = Canvas(width: 30, height: 1)
        c.put("Evil\u{1B}[2J\u{1B}]52;c;eA==\u{07}", x: 0, y: 0)
        #expect(!c.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func nothingIsWrittenPastTheEdgeOrTheColumn() {
        var c = Canvas(width: 8, height: 1)
        #expect(c.put("abcdefghij", x: 2, y: 0, maxWidth: 4) == 4)
        #expect(c.lines == ["  abc…  "])
        #expect(c.put("xyz", x: 7, y: 0) == 1)
    }
}

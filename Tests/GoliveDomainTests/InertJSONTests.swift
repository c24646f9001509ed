import Foundation
import Testing

@testable import GoliveDomain

struct InertJSONTests {
    @Test func cOneControlsAndOverridesAreEscapedAndDecodeBackToTheSameText() throws {
        let text = "a\u{9B}31m\u{202E}b\u{1B}c\u{7F}"
        let json = String(decoding: try JSONEncoder().encode([text]), as: UTF8.self)
        let inert = Text.inertJSON(json)
        let banned: Set<UInt32> = [0x9B, 0x202E, 0x1B, 0x7F]
        #expect(!inert.unicodeScalars.contains { banned.contains($0.value) })
        #expect(try JSONDecoder().decode([String].self, from: Data(inert.utf8)) == [text])
    }
}

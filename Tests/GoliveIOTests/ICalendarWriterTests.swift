import Testing

@testable import GoliveIO

/// RFC 5545's text rules, one row each: what a value becomes on its content line.
struct ICalendarWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a, b; c", "a\\, b\\; c"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("cr\r\nlf", "cr\\nlf"),
        ("esc\u{1B}[2J", "esc[2J"),
        ("c1\u{85}next", "c1next"),
        ("東京, Zürich", "東京\\, Zürich"),
    ])
    func aValueIsEscapedAsText(value: String, written: String) {
        #expect(ICalendarWriter.escaped(value) == written)
    }

    @Test func longLinesFoldAt75OctetsBetweenCharacters() {
        var w = ICalendarWriter()
        let value = String(repeating: "ab東京ö", count: 40)
        w.text("SUMMARY", value)
        let lines = w.text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Unfolded (each CRLF and the space after it removed) it is the line again.
        #expect(w.text.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:\(value)\r\n")
    }
}

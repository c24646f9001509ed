import Testing

@testable import GoliveTerminal

/// The characters a terminal sends become one key, or none, and never Esc and then letters.
struct KeySequenceTests {
    @Test(arguments: TerminalSequence.common)
    func aCommonSequenceIsItsKeyOrNothing(_ sequence: TerminalSequence) {
        #expect(Key.keys(in: sequence.input) == (sequence.meant.map { [$0] } ?? []))
    }

    @Test(arguments: TerminalSequence.entries)
    func everyKeyOfATerminfoEntryIsTheKeyItNames(_ entry: String) throws {
        let sequences = try #require(TerminalSequence.terminfo(entry))
        #expect(sequences.count > 20, "\(entry) names few keys: \(sequences)")
        for s in sequences {
            #expect(Key.keys(in: s.input) == (s.meant.map { [$0] } ?? []), "\(s)")
        }
    }

    @Test func escAloneIsEsc() {
        #expect(Key.keys(in: ["\u{1B}"]) == [.escape])
        #expect(KeySequence.decode(next: { nil }) == .escape)
    }

    @Test func aSequenceCutOffByTheEscapeDelayMeansNothing() {
        for cut in ["[", "O", "[1;5", "[<0;12", "[M!"] {
            var rest = Array(cut.unicodeScalars)[...]
            #expect(KeySequence.decode(next: { rest.popFirst() }) == nil, "ESC \(cut)")
        }
    }

    @Test func whatFollowsASequenceStaysTypedKeys() {
        let typed = Array("/abc\u{1B}[4~x\u{1B}[1~\u{1B}2y".unicodeScalars)
        #expect(
            Key.keys(in: typed) == [
                .char("/"), .char("a"), .char("b"), .char("c"), .end, .char("x"), .home, .char("y"),
            ])
    }

    @Test func aKeyMouseReportIsReadWholeAfterWhatNcursesTook() {
        var rest = Array(" !!k".unicodeScalars)[...]
        #expect(KeySequence.decode(after: ["[", "M"], next: { rest.popFirst() }) == nil)
        #expect(rest == ["k"])
    }

    @Test func noiseWithoutAnEndIsDroppedAfterAFewCharacters() {
        let noise = Array(repeating: Unicode.Scalar("1"), count: 100)
        var rest = noise[...]
        #expect(KeySequence.decode(after: ["["], next: { rest.popFirst() }) == nil)
        #expect(rest.count > 60)
    }

    @Test(arguments: [
        ("kHOM5", Key.home), ("KEY_SHOME", .home), ("kEND", .end), ("kfnd", .home), ("kslt", .end), ("kUP", .up),
        ("kDN7", .down), ("kDC3", .delete), ("kcbt", .backTab), ("KEY_NPAGE", .pageDown),
    ])
    func aTerminfoCapabilityIsTheKeyItNames(_ name: String, _ key: Key) {
        #expect(Key.terminfo(name) == key)
    }

    @Test(arguments: ["kf1", "kf63", "kich1", "kIC5", "ka1", "kmous", "kpADD", "KEY_F(1)", "kUPx"])
    func aCapabilityGoliveHasNoUseForIsNoKey(_ name: String) {
        #expect(Key.terminfo(name) == nil)
    }

    @Test func controlCharactersNoKeyUsesNeverReachAPrompt() {
        #expect(Key.keys(in: ["\u{0}", "\u{1C}", "\u{9B}"]) == [])
        #expect(
            Key.keys(in: ["\u{7F}", "\u{8}", "\r", "\t", "\u{12}"]) == [
                .backspace, .backspace, .enter, .tab, .ctrl("r"),
            ])
    }
}

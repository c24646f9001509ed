import Foundation
import GoliveDomain
import Testing

@testable import GoliveIO

/// One grammar per value: amounts and dates as CRMs write them, and nothing else.
struct CSVValueGrammarTests {
    @Test(arguments: [
        ("120000", 120_000), ("120,000", 120_000), ("120.000", 120_000), ("$120,000.00", 120_000),
        ("€ 95.000,50", 95_000), ("1 200 000", 1_200_000), ("1'200'000", 1_200_000), ("1.5", 1), ("0", 0),
        ("-5", -5), ("120000 €", 120_000), ("9223372036854775807", 9_223_372_036_854_775_807),
    ])
    func anAmountIsReadInWholeUnits(_ text: String, _ value: Int) {
        #expect(CSVImport.money(text) == value)
    }

    @Test(arguments: [
        "1.2.3", "1,000.000", "12,34,5", "1,0000", "lots", "", "$", "1..0", "1.000,000", "+5", "0x10", "1e6",
        "99999999999999999999", "1 2", "١٢٣",
    ])
    func somethingThatIsNotAnAmountIsRefused(_ text: String) {
        #expect(CSVImport.money(text) == nil, "\(text) read as \(String(describing: CSVImport.money(text)))")
    }

    @Test(arguments: [
        ("2026-01-15", "2026-01-15"), ("2026-01-15T09:30:00Z", "2026-01-15"), ("2026-01-15 09:30", "2026-01-15"),
        ("2026-01-15T09:30:00.123+02:00", "2026-01-15"), ("1/15/2026", "2026-01-15"),
    ])
    func aDateIsReadWithOrWithoutAValidTime(_ text: String, _ iso: String) {
        #expect(CSVImport.date(text)?.iso == iso)
    }

    @Test(arguments: [
        "2026-01-15Tgarbage", "2026-01-15T25:00", "2026-01-15 09:61", "2026-01-15T09:30+99:00", "2026-1-5",
        // Found by fuzzing: a signed or padded part read as a number.
        "4/20/-052", "4/20/+052", "+3/14/2026", "3/-1/2026", "003/14/2026", "3//14/2026", "3/14/2026/",
    ])
    func aDateWithAMalformedPartIsRefused(_ text: String) {
        #expect(CSVImport.date(text) == nil)
    }
}

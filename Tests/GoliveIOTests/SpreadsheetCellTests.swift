import Testing

@testable import GoliveIO

/// What a CSV cell from data becomes, one row each: a spreadsheet must read every one as text
/// or a number, never run it.
struct SpreadsheetCellTests {
    @Test(arguments: [
        ("Acme", "Acme"),
        ("=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"http://x\",\"click\")"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5", "-5"),
        ("-0.25", "-0.25"),
        ("480000", "480000"),
        ("", ""),
        ("a=b", "a=b"),
    ])
    func aCellFromDataIsNeverAFormula(cell: String, written: String) {
        #expect(SpreadsheetCell.neutralised(cell) == written)
    }
}

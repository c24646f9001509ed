/// A CSV cell a spreadsheet will not run: text from data that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return (what Excel, LibreOffice and Google Sheets take for a
/// formula) gets a leading `'`, as OWASP's advice on CSV injection says. A number stays a
/// number: `-5` is a value, not a formula.
enum SpreadsheetCell {
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        if Double(cell) != nil { return cell }
        return "'" + cell
    }
}

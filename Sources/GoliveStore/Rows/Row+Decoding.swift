import GRDB
import GoliveDomain

/// Reading stored text back into the domain's types. The schema's constraints keep these
/// columns valid, but a file edited by hand or damaged on disk must be refused in words,
/// never crash a board that a whole team is looking at.
extension StoreRow {
    /// The day in column `index` (ISO text), nil when the column is NULL.
    func day(_ index: Int, _ column: String) throws -> Day? {
        guard let text = self[index] as String? else { return nil }
        guard let day = Day(iso: text) else { throw StoreError.unreadable(column, text) }
        return day
    }

    /// The day in column `index`, which the schema declares NOT NULL.
    func requiredDay(_ index: Int, _ column: String) throws -> Day {
        guard let day = try day(index, column) else { throw StoreError.unreadable(column, "NULL") }
        return day
    }

    /// Refuses a row whose NOT NULL columns hold NULL: only a damaged page can put one there,
    /// and reading it as a number or text would stop the program.
    func requireValues(_ indices: [Int], in table: String) throws {
        for i in indices where hasNull(atIndex: i) {
            throw StoreError.unreadable("\(table) column \(i + 1)", "NULL")
        }
    }

    /// The value of one of the domain's word enums (lane, status, segment) in column `index`.
    func word<T: RawRepresentable>(_ index: Int, _ column: String) throws -> T where T.RawValue == String {
        let text: String = self[index]
        guard let value = T(rawValue: text) else { throw StoreError.unreadable(column, text) }
        return value
    }
}

import GRDB
import GoliveDomain

/// A store that cannot be used as asked, in one line a user can act on.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// Another connection held the store past the wait: the same change may succeed later.
    public var isBusy = false
    /// A team store's server refused who we are (password, role, database, permission):
    /// trying again changes nothing, unlike a server that does not answer.
    public var deniesAccess = false
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// What SQLite said, as one line a user can act on: never the SQL it was running.
    static func from(_ e: DatabaseError, path: String, writing: Bool) -> StoreError {
        let unchanged = writing ? ": nothing was changed" : ""
        switch e.resultCode {
        case .SQLITE_FULL:
            return StoreError("disk full: nothing was changed (the store \(path) is as it was)")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(
                "the store \(path) is damaged (\(e.message ?? "malformed")): restore it from an export or a backup "
                    + "(`golive restore FILE --store NEW`)")
        case .SQLITE_IOERR, .SQLITE_CANTOPEN:
            return StoreError(
                "cannot \(writing ? "write" : "read") the store \(path) (\(e.message ?? "I/O error"))\(unchanged)")
        case .SQLITE_READONLY:
            return StoreError("the store \(path) is read-only\(unchanged)")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            var busy = StoreError("the store \(path) stayed busy (another program is writing): try again")
            busy.isBusy = true
            return busy
        case .SQLITE_CONSTRAINT:
            return StoreError("refused by the store: \(e.message ?? "a constraint failed")\(unchanged)")
        default:
            return StoreError(
                "the store \(path) answered: \(e.message ?? "error \(e.resultCode.rawValue)")\(unchanged)")
        }
    }

    /// A stored value that the schema should have kept out: the file was damaged or edited
    /// by hand. The value is shown inert, as it comes from the file.
    static func unreadable(_ column: String, _ value: String) -> StoreError {
        StoreError(
            "the store holds a value golive cannot read (\(column) = '\(Text.inert(String(value.prefix(40))))'): "
                + "it was damaged or edited by hand; restore it from an export")
    }
}

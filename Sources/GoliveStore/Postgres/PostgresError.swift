import CLibpq
import Foundation

/// What the server (or libpq) said when a statement failed, in its own words, with the
/// SQLSTATE that tells a refused write from a lost connection.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// Five characters (`42501`: insufficient privilege); nil when no server answered.
    public var sqlState: String?
    public var message: String
    public var detail: String?
    /// True when the connection is gone: nothing more can be sent until it is made again.
    public var connectionLost: Bool

    public var description: String {
        detail.map { "\(message) (\($0))" } ?? message
    }

    static let insufficientPrivilege = "42501"
    static let uniqueViolation = "23505"

    /// libpq's messages span lines (a hint indented under the error): one line for ours.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    static func from(_ result: OpaquePointer?, connection: OpaquePointer) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let result, let p = GPQresultErrorField(result, Int32(code.asciiValue ?? 0)) else { return nil }
            return String(cString: p)
        }
        let lost = GPQstatus(connection) != CONNECTION_OK
        let primary = field("M") ?? String(cString: GPQerrorMessage(connection))
        return PostgresError(
            sqlState: field("C"), message: oneLine(primary.isEmpty ? "the server did not answer" : primary),
            detail: field("D").map(oneLine), connectionLost: lost)
    }
}

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

    /// Whether the server refused who we are rather than failed to answer: a bad password
    /// or role (class 28), no such database, or no permission.
    public var deniesAccess: Bool {
        guard let sqlState else { return false }
        return sqlState.hasPrefix("28") || sqlState == "3D000" || sqlState == PostgresError.insufficientPrivilege
    }

    /// The same, from a failed connection's message, which comes without a SQLSTATE.
    static func deniesAccess(_ message: String) -> Bool {
        ["authentication failed", "pg_hba.conf", "permission denied", "does not exist", "no password supplied"]
            .contains { message.contains($0) }
    }

    static let insufficientPrivilege = "42501"
    static let uniqueViolation = "23505"

    /// libpq's messages span lines (a hint indented under the error): one line for ours.
    /// This is where each of its messages becomes golive's, so passwords are hidden here:
    /// libpq quotes settings it could not use, and the URL they came from.
    static func oneLine(_ s: String, hiding secrets: [String] = []) -> String {
        let line = s.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        return PostgresSecrets.scrubbed(line, hiding: secrets)
    }

    static func from(_ result: OpaquePointer?, connection: OpaquePointer, hiding secrets: [String]) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let result, let p = GPQresultErrorField(result, Int32(code.asciiValue ?? 0)) else { return nil }
            return String(cString: p)
        }
        let lost = GPQstatus(connection) != CONNECTION_OK
        let primary = field("M") ?? String(cString: GPQerrorMessage(connection))
        return PostgresError(
            sqlState: field("C"),
            message: oneLine(primary.isEmpty ? "the server did not answer" : primary, hiding: secrets),
            detail: field("D").map { oneLine($0, hiding: secrets) }, connectionLost: lost)
    }
}

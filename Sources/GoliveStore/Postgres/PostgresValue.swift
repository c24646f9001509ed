import Foundation

/// A statement's parameter: the few kinds of value the store's tables hold.
public enum PostgresValue: Sendable, Equatable {
    case null
    case int(Int64)
    case text(String)
    case bytes(Data)
}

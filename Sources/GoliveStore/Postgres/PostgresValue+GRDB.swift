import Foundation
import GRDB

extension PostgresValue {
    /// The value GRDB would bind, as PostgreSQL takes it (a Bool as 0 or 1, as SQLite keeps it).
    init(_ value: (any DatabaseValueConvertible)?) {
        switch value?.databaseValue.storage {
        case .none, .null: self = .null
        case .int64(let i): self = .int(i)
        case .double(let d): self = .text(String(d))
        case .string(let s): self = .text(s)
        case .blob(let d): self = .bytes(d)
        }
    }
}

import Foundation
import GRDB

/// A row of either store.
enum EitherRow: StoreRow {
    case file(Row)
    case team(PostgresRow)

    func value<Value: DatabaseValueConvertible>(at index: Int) -> Value {
        switch self {
        case .file(let r): return r.value(at: index)
        case .team(let r): return r.value(at: index)
        }
    }

    func directValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(at index: Int) -> Value {
        switch self {
        case .file(let r): return r.directValue(at: index)
        case .team(let r): return r.directValue(at: index)
        }
    }

    func value<Value: DatabaseValueConvertible>(named column: String) -> Value {
        switch self {
        case .file(let r): return r.value(named: column)
        case .team(let r): return r.value(named: column)
        }
    }

    func hasNull(atIndex index: Int) -> Bool {
        switch self {
        case .file(let r): return r.hasNull(atIndex: index)
        case .team(let r): return r.hasNull(atIndex: index)
        }
    }
}

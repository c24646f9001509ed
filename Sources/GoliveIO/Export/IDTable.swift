/// The ids a restore has met, each with what it names and the account it is on. Ids come
/// from one counter, so they are dense: below `dense`, two arrays indexed by id hold them
/// (9 bytes an id); the rare id above goes to a dictionary. Sets of ids and a set per
/// account took 566 MB at 100,000 accounts (6.7 million ids, 4.6 million events).
struct IDTable {
    enum Kind: UInt8 {
        case account = 1
        case checkpoint
        case task
        case touchpoint
        /// An event's id, which has a counter of its own: kept in a table of its own.
        case event
    }

    /// Worst case, 150 MB for a file whose ids reach it.
    static let dense = 1 << 24

    private var kinds: [UInt8] = []
    private var owners: [Int64] = []
    private var sparse: [Int64: (kind: Kind, owner: Int64)] = [:]

    /// Records `id`; false when it was already there.
    mutating func insert(_ id: Int64, _ kind: Kind, owner: Int64) -> Bool {
        guard id > 0, id < IDTable.dense else {
            if sparse[id] != nil { return false }
            sparse[id] = (kind, owner)
            return true
        }
        let i = Int(id)
        if i >= kinds.count {
            let size = min(IDTable.dense, max(i + 1, kinds.count * 2, 1_024))
            kinds += [UInt8](repeating: 0, count: size - kinds.count)
            owners += [Int64](repeating: 0, count: size - owners.count)
        }
        if kinds[i] != 0 { return false }
        kinds[i] = kind.rawValue
        owners[i] = owner
        return true
    }

    /// Whether `id` was recorded as a `kind` on account `owner`.
    func contains(_ id: Int64, _ kind: Kind, owner: Int64) -> Bool {
        guard id > 0, id < IDTable.dense else {
            return sparse[id].map { $0.kind == kind && $0.owner == owner } ?? false
        }
        let i = Int(id)
        return i < kinds.count && kinds[i] == kind.rawValue && owners[i] == owner
    }
}

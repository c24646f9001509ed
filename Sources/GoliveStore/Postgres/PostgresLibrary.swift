import CLibpq

/// libpq, loaded the first time a team store is named (see `CLibpq.h` for why not before).
enum PostgresLibrary {
    static func load() throws {
        var why = [CChar](repeating: 0, count: 512)
        guard golive_pq_load(&why, why.count) != 0 else { return }
        let reason = String(decoding: why.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw StoreError(
            "a PostgreSQL store needs PostgreSQL's client library, libpq (Debian: apt-get install libpq5): \(reason)")
    }
}

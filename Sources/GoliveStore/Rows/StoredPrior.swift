import Foundation
import GoliveDomain

/// A prior as the events table keeps it: packed bytes (a BLOB), or the JSON text events
/// written before golive packed them. Decoding 100,000 JSON priors was a third of a week's
/// changes at 10,000 accounts and of an export; reading packed bytes is a copy per field.
public enum StoredPrior: Sendable {
    case packed(Data)
    case json(String)

    public func decoded() throws -> Prior {
        switch self {
        case .json(let text): return try Rows.prior(text)
        case .packed(let data): return try data.withUnsafeBytes(StoredPrior.unpack)
        }
    }

    /// The layout's version, first in every packed prior, so a later layout can tell.
    static let layout = 1

    static func pack(_ p: Prior) -> Data {
        var w = PackedWriter(capacity: 64 + 96 * p.tasks.count + 64 * (p.checkpoints.count + p.touchpoints.count))
        w.put(layout)
        w.put(p.created)
        w.put(p.lastActivity)
        w.put(p.fields.count)
        for key in p.fields.keys.sorted() {
            w.put(key)
            w.put(p.fields[key] ?? "")
        }
        w.put(p.tasks.count)
        for t in p.tasks { w.put(t) }
        w.put(p.checkpoints.count)
        for c in p.checkpoints { w.put(c) }
        w.put(p.touchpoints.count)
        for t in p.touchpoints { w.put(t) }
        for ids in [p.addedTasks, p.addedCheckpoints, p.addedTouchpoints] {
            w.put(ids.count)
            for id in ids { w.put(id: id) }
        }
        return w.out
    }

    static func unpack(_ raw: UnsafeRawBufferPointer) throws -> Prior {
        var r = PackedReader(raw: raw)
        let version = r.number()
        guard version == layout else {
            throw StoreError.unreadable(
                "events.prior", "a packed prior of layout \(version.map(String.init) ?? "none")")
        }
        var p = Prior(created: r.bool())
        p.lastActivity = r.day()
        for _ in 0..<r.count(8) {
            let key = r.text()
            p.fields[key] = r.text()
        }
        // Every day of these rows is written; the fallback is never kept (a row short of
        // one is a damaged one, refused below).
        let none = Day(ordinal: 0)
        p.tasks = (0..<r.count(56)).map { _ in r.task(or: none) }
        p.checkpoints = (0..<r.count(48)).map { _ in r.checkpoint(or: none) }
        p.touchpoints = (0..<r.count(36)).map { _ in r.touchpoint(or: none) }
        p.addedTasks = (0..<r.count(8)).map { _ in r.id() }
        p.addedCheckpoints = (0..<r.count(8)).map { _ in r.id() }
        p.addedTouchpoints = (0..<r.count(8)).map { _ in r.id() }
        guard !r.broken, r.at == raw.count else {
            throw StoreError.unreadable("events.prior", "packed bytes that end early or run on")
        }
        return p
    }
}

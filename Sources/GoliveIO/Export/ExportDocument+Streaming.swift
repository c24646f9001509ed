import Foundation
import GoliveDomain
import GoliveStore

extension ExportDocument {
    /// What a streamed export held.
    public struct Written: Sendable, Equatable {
        public var accounts: Int
        public var events: Int
    }

    /// Writes the export of `store` through `write`, a batch of accounts or events at a time,
    /// byte for byte the document `json()` makes, from one read of the store. Memory stays
    /// at a batch's worth whatever the store's size: a 10,000-account export is 600 MB of
    /// JSON, which held whole (and its tree of values behind it) took 3.1 GB.
    public static func stream(
        from store: Store, accountsPerBatch: Int = 512, eventsPerBatch: Int = 8_192,
        into write: ([UInt8]) throws -> Void
    ) throws -> Written {
        try store.snapshot { snapshot in
            let stripes = Stripes()
            var written = Written(accounts: 0, events: 0)
            try write(Array("{\n  \"accounts\" : [".utf8))
            let ids = try snapshot.accountIDs()
            var from = 0
            while from < ids.count {
                let batch = Array(ids[from..<min(ids.count, from + accountsPerBatch)])
                let accounts = try snapshot.accounts(ids: batch)
                try stripes.write(accounts, after: written.accounts, into: write) { account, writer in
                    try writer.write(account, depth: 2)
                }
                written.accounts += accounts.count
                from += batch.count
            }
            try write(Array(close(written.accounts).utf8) + Array(",\n  \"events\" : [".utf8))
            var after: Int64 = 0
            while true {
                let rows = try snapshot.events(after: after, limit: eventsPerBatch)
                guard let last = rows.last else { break }
                try stripes.write(rows, after: written.events, into: write) { row, writer in
                    var event = row.event
                    event.prior = try row.prior?.decoded()
                    try writer.write(event, depth: 2)
                }
                written.events += rows.count
                after = last.event.id
            }
            let tail = PrettyJSONWriter()
            tail.append(",\n  \"format\" : ")
            tail.writeString(format)
            tail.append(",\n  \"next_id\" : ")
            tail.writeInteger(try snapshot.nextID())
            tail.append(",\n  \"playbooks\" : ")
            try tail.write(try snapshot.playbooks(), depth: 1)
            tail.append(",\n  \"version\" : ")
            tail.writeInteger(Int64(currentVersion))
            tail.append("\n}\n")
            try write(Array(close(written.events).utf8) + tail.take())
            return written
        }
    }

    /// The end of a top-level list, as `JSONEncoder` closes one, empty or not.
    private static func close(_ count: Int) -> String {
        count == 0 ? "\n\n  ]" : "\n  ]"
    }
}

/// One writer per core, kept from batch to batch (each keeps the keys it has converted),
/// each writing a contiguous run of a batch's items, so the runs join in order.
private final class Stripes: @unchecked Sendable {
    let writers: [PrettyJSONWriter]

    init() {
        writers = (0..<max(1, ProcessInfo.processInfo.activeProcessorCount)).map { _ in PrettyJSONWriter() }
    }

    /// Writes `items` as the elements of a top-level list that already holds `before`.
    func write<T>(
        _ items: [T], after before: Int, into sink: ([UInt8]) throws -> Void,
        _ element: @escaping (T, PrettyJSONWriter) throws -> Void
    ) throws {
        let count = min(writers.count, max(1, items.count / 16))
        let job = StripeJob(items: items, before: before, stripes: count, writers: writers, element: element)
        defer { job.failures.deallocate() }
        if count == 1 {
            job.run(stripe: 0)
        } else {
            DispatchQueue.concurrentPerform(iterations: count) { job.run(stripe: $0) }
        }
        if let error = job.failures.compactMap({ $0 }).first {
            for w in writers { _ = w.take() }
            throw error
        }
        for stripe in 0..<count { try sink(writers[stripe].take()) }
    }
}

/// One batch shared by the stripes: each reads the items and uses only its own writer and
/// its own slot of `failures` (memory set aside once), read after every stripe has ended.
private final class StripeJob<T>: @unchecked Sendable {
    let items: [T]
    let before: Int
    let per: Int
    let writers: [PrettyJSONWriter]
    let element: (T, PrettyJSONWriter) throws -> Void
    let failures: UnsafeMutableBufferPointer<Error?>

    init(
        items: [T], before: Int, stripes: Int, writers: [PrettyJSONWriter],
        element: @escaping (T, PrettyJSONWriter) throws -> Void
    ) {
        self.items = items
        self.before = before
        self.per = (items.count + stripes - 1) / max(1, stripes)
        self.writers = writers
        self.element = element
        failures = .allocate(capacity: stripes)
        failures.initialize(repeating: nil)
    }

    func run(stripe: Int) {
        let writer = writers[stripe]
        let range = min(items.count, stripe * per)..<min(items.count, (stripe + 1) * per)
        do {
            for i in range {
                writer.append(before + i == 0 ? "\n    " : ",\n    ")
                try element(items[i], writer)
            }
        } catch {
            failures[stripe] = error
        }
    }
}

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
            defer { stripes.wait() }
            var written = Written(accounts: 0, events: 0)
            try write(Array("{\n  \"accounts\" : [".utf8))
            let ids = try snapshot.accountIDs()
            var from = 0
            while from < ids.count {
                let batch = Array(ids[from..<min(ids.count, from + accountsPerBatch)])
                let accounts = try snapshot.accounts(ids: batch)
                try stripes.push(accounts, after: written.accounts, into: write) { account, writer in
                    try writer.write(account, depth: 2)
                }
                written.accounts += accounts.count
                from += batch.count
            }
            try stripes.drain(into: write)
            try write(Array(close(written.accounts).utf8) + Array(",\n  \"events\" : [".utf8))
            var after: Int64 = 0
            while true {
                let rows = try snapshot.events(after: after, limit: eventsPerBatch)
                guard let last = rows.last else { break }
                try stripes.push(rows, after: written.events, into: write) { row, writer in
                    var event = row.event
                    do {
                        event.prior = try row.prior?.decoded()
                    } catch {
                        throw StoreError(
                            "event \(event.id): what it changed from cannot be read (its prior is damaged)")
                    }
                    try writer.write(event, depth: 2)
                }
                written.events += rows.count
                after = last.event.id
            }
            try stripes.drain(into: write)
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
/// each writing a contiguous run of a batch's items, so the runs join in order. A batch is
/// written on the other threads while the caller reads the next batch from the store and
/// hands the previous one's bytes on: reading and writing out were a third of an export
/// done in line.
private final class Stripes: @unchecked Sendable {
    let writers: [PrettyJSONWriter]
    private var inFlight: (group: DispatchGroup, stripes: Int, failures: UnsafeMutableBufferPointer<Error?>)?

    init() {
        writers = (0..<max(1, ProcessInfo.processInfo.activeProcessorCount)).map { _ in PrettyJSONWriter() }
    }

    /// Starts writing `items` as the elements of a top-level list that already holds
    /// `before`, after handing the batch before them to `sink`.
    func push<T>(
        _ items: [T], after before: Int, into sink: ([UInt8]) throws -> Void,
        _ element: @escaping (T, PrettyJSONWriter) throws -> Void
    ) throws {
        let done = try finish()
        let count = min(writers.count, max(1, items.count / 16))
        let job = StripeJob(items: items, before: before, stripes: count, writers: writers, element: element)
        let group = DispatchGroup()
        for stripe in 0..<count {
            DispatchQueue.global().async(group: group) { job.run(stripe: stripe) }
        }
        inFlight = (group, count, job.failures)
        for chunk in done { try sink(chunk) }
    }

    /// Hands the batch being written to `sink` once it is done.
    func drain(into sink: ([UInt8]) throws -> Void) throws {
        for chunk in try finish() { try sink(chunk) }
    }

    /// Waits for the batch being written, whatever became of it.
    func wait() {
        _ = try? finish()
    }

    private func finish() throws -> [[UInt8]] {
        guard let (group, count, failures) = inFlight else { return [] }
        inFlight = nil
        group.wait()
        defer { failures.deallocate() }
        if let error = failures.compactMap({ $0 }).first {
            for w in writers { _ = w.take() }
            throw error
        }
        return (0..<count).map { writers[$0].take() }
    }
}

/// One batch shared by the stripes: each reads the items and uses only its own writer and
/// its own slot of `failures` (memory set aside once, let go by `Stripes`), read after
/// every stripe has ended.
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

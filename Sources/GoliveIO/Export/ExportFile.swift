import Foundation
import GoliveDomain
import GoliveStore

/// An export on disk, read as a stream: restoring a 10,000-account export (600 MB) holds a
/// batch of accounts or events at a time, never the file or its whole decoded tree.
///
/// Opening it reads the file once for what must be known before anything is written (its
/// format and version, which a pretty-printed export puts after the accounts and events;
/// the playbooks; `next_id`); restoring reads it again for the accounts and events.
public struct ExportFile {
    public let path: String
    public let playbooks: [StoredPlaybook]
    public let nextID: Int64
    /// Whether the events come before the accounts (a file saved again by another tool):
    /// then the accounts are read in a pass of their own first, as events name them.
    let eventsFirst: Bool

    public static func open(path: String) throws -> ExportFile {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw FileError(file: path, reason: "no such file")
        }
        if isDir.boolValue { throw FileError(file: path, reason: "is a directory, not an export") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw FileError(file: path, reason: "cannot be read (permission denied)")
        }
        var scanner = try ExportScanner(path: path)
        defer { scanner.close() }
        var values: [String: [UInt8]] = [:]
        var counts: [String: Int] = [:]
        var order: [String] = []
        var playbooks: [(index: Int, bytes: [UInt8])] = []
        func use(_ key: String) -> ExportScanner.Use {
            switch key {
            case "format", "version", "next_id": return .value
            case "playbooks": return .elements
            case "accounts", "events": return .count
            default: return .skip
            }
        }
        func take(_ piece: ExportScanner.Piece) {
            switch piece {
            case .value(let key, let bytes): values[key] = bytes
            case .element(_, let index, let bytes): playbooks.append((index, bytes))
            case .end(let key, let count):
                counts[key] = count
                order.append(key)
            }
        }
        try scanner.scan(use, take)
        let format = values["format"].flatMap { try? JSONDecoder().decode(String.self, from: Data($0)) }
        guard format == ExportDocument.format else {
            throw FileError(file: path, reason: "not a golive export (no \"format\": \"\(ExportDocument.format)\")")
        }
        let version = values["version"].flatMap { try? JSONDecoder().decode(Int.self, from: Data($0)) }
        guard version == ExportDocument.currentVersion else {
            let given = version.map(String.init) ?? values["version"].map { String(decoding: $0, as: UTF8.self) }
            throw FileError(
                file: path,
                reason:
                    "export version \(Text.inert(given ?? "missing")) is not supported (this golive reads version \(ExportDocument.currentVersion))"
            )
        }
        for key in ["accounts", "events", "playbooks"] where counts[key] == nil {
            throw FileError(file: path, reason: "missing field '\(key)'")
        }
        guard let nextIDBytes = values["next_id"] else {
            throw FileError(file: path, reason: "missing field 'next_id'")
        }
        let nextID = try decode(Int64.self, nextIDBytes, at: "next_id", path: path)
        let decoded = try playbooks.map {
            try decode(StoredPlaybook.self, $0.bytes, at: "playbooks[\($0.index)]", path: path)
        }
        if let problem = ExportChecks(playbooks: decoded).problems.first {
            throw FileError(file: path, reason: problem)
        }
        return ExportFile(
            path: path, playbooks: decoded, nextID: nextID,
            eventsFirst: (order.firstIndex(of: "events") ?? 0) < (order.firstIndex(of: "accounts") ?? 0))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], at path: String, path file: String) throws -> T {
        let d = JSONDecoder()
        d.keyDecodingStrategy = JSONKeys.decoding
        do {
            return try d.decode(type, from: Data(bytes))
        } catch {
            throw FileError(file: file, reason: ExportDocument.describe(error, under: path))
        }
    }

    /// A batch as the reading thread hands it over: decoded, not yet checked.
    enum Batch {
        case accounts([(index: Int, account: Account)])
        case events([(index: Int, event: PreparedEvent)])
    }

    /// Reads the accounts and events in batches and hands each, checked, to `accounts` or
    /// `events`, in file order. A thread of its own scans and decodes (on every core) the
    /// next batches while the caller writes this one: decoding JSON is most of a restore,
    /// writing the rows the rest. Stops at the first problem, which names its JSON path.
    func forEachBatch(
        size: Int, accounts: ([Account]) throws -> Void, events: ([PreparedEvent]) throws -> Void
    ) throws {
        var checks = ExportChecks(playbooks: playbooks)
        let reader = BatchReader(file: self, size: size)
        defer { reader.stop() }
        reader.start()
        while let batch = try reader.next() {
            switch batch {
            case .accounts(let decoded):
                for d in decoded { checks.check(d.account, at: d.index) }
                if let problem = checks.problems.first { throw FileError(file: path, reason: problem) }
                try accounts(decoded.map(\.account))
            case .events(let decoded):
                for d in decoded { checks.check(d.event.event, at: d.index) }
                if let problem = checks.problems.first { throw FileError(file: path, reason: problem) }
                try events(decoded.map(\.event))
            }
        }
        checks.finish(nextID: nextID)
        if let problem = checks.problems.first { throw FileError(file: path, reason: problem) }
    }

    /// Scans the file and decodes it batch by batch, for `BatchReader`'s thread.
    func readBatches(size: Int, _ hand: (Batch) -> Bool) throws {
        if eventsFirst {
            try readBatches(of: ["accounts"], size: size, hand)
            try readBatches(of: ["events"], size: size, hand)
        } else {
            try readBatches(of: ["accounts", "events"], size: size, hand)
        }
    }

    private func readBatches(of lists: Set<String>, size: Int, _ hand: (Batch) -> Bool) throws {
        var scanner = try ExportScanner(path: path)
        defer { scanner.close() }
        var pending: [(index: Int, bytes: [UInt8])] = []
        let file = path
        struct Stopped: Error {}
        func flush(_ key: String) throws {
            defer { pending.removeAll(keepingCapacity: true) }
            if pending.isEmpty { return }
            let batch: Batch
            if key == "accounts" {
                batch = .accounts(
                    try pending.stripedMap(minimumPerStripe: 16) {
                        ($0.index, try Self.decode(Account.self, $0.bytes, at: "accounts[\($0.index)]", path: file))
                    })
            } else {
                batch = .events(
                    try pending.stripedMap(minimumPerStripe: 64) {
                        let e = try Self.decode(Event.self, $0.bytes, at: "events[\($0.index)]", path: file)
                        return ($0.index, PreparedEvent(e))
                    })
            }
            guard hand(batch) else { throw Stopped() }
        }
        func use(_ key: String) -> ExportScanner.Use {
            lists.contains(key) ? .elements : .skip
        }
        func take(_ piece: ExportScanner.Piece) throws {
            switch piece {
            case .element(let key, let index, let bytes):
                pending.append((index, bytes))
                if pending.count >= size { try flush(key) }
            case .end(let key, _):
                try flush(key)
            case .value:
                break
            }
        }
        // Once the caller has stopped, `Stopped` ends the scan; nobody reads it.
        try scanner.scan(use, take)
    }

    /// Restores the file into `store`, which must be empty, in one transaction: a problem
    /// found anywhere in the file leaves the store as it was.
    public func restore(into store: Store, batch: Int = 1_024, compact: Bool = true) throws -> ExportDocument.Written {
        var written = ExportDocument.Written(accounts: 0, events: 0)
        try store.write { tx in
            guard try tx.isEmpty() else {
                throw StoreError(
                    "the store \(store.path) is not empty: restore only into a new store (--store NEW_PATH)")
            }
            for p in playbooks { try tx.upsert(p) }
            func insertAccounts(_ accounts: [Account]) throws {
                for a in accounts { try tx.insert(a) }
                written.accounts += accounts.count
            }
            func insertEvents(_ events: [PreparedEvent]) throws {
                for e in events { try tx.insert(e) }
                written.events += events.count
            }
            try forEachBatch(size: batch, accounts: insertAccounts, events: insertEvents)
            try tx.setNextID(nextID)
        }
        if compact { try store.compact() }
        return written
    }
}

/// The reading side of a restore: a thread that reads batches ahead, at most two, and
/// hands them over in order; an error it meets is handed over in place of the next batch.
private final class BatchReader: @unchecked Sendable {
    let file: ExportFile
    let size: Int
    private let lock = NSCondition()
    private var ready: [ExportFile.Batch] = []
    private var finished = false
    private var failure: Error?
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    init(file: ExportFile, size: Int) {
        self.file = file
        self.size = size
    }

    func start() {
        let thread = Thread { [self] in
            do {
                try file.readBatches(size: size, hand)
            } catch {
                lock.lock()
                failure = error
                lock.unlock()
            }
            lock.lock()
            finished = true
            lock.broadcast()
            lock.unlock()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits while two batches are waiting; false once the caller has stopped.
    private func hand(_ batch: ExportFile.Batch) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while ready.count >= 2 && !stopped { lock.wait() }
        if stopped { return false }
        ready.append(batch)
        lock.broadcast()
        return true
    }

    func next() throws -> ExportFile.Batch? {
        lock.lock()
        defer { lock.unlock() }
        while ready.isEmpty && !finished { lock.wait() }
        if !ready.isEmpty {
            lock.broadcast()
            return ready.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Ends the reading thread and waits for it: nothing reads the file after the caller
    /// has returned.
    func stop() {
        lock.lock()
        stopped = true
        lock.broadcast()
        lock.unlock()
        done.wait()
    }
}

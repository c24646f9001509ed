import CLibpq
import Foundation

/// One connection to a team store's server, synchronous as the key loop is: a statement
/// is sent and its rows (or the server's refusal, in its words) come back before the call
/// returns. Not shared between threads.
public final class PostgresConnection {
    private let connection: OpaquePointer
    public let location: PostgresLocation
    /// The name each statement was prepared under on this connection.
    private var statements: [String: String] = [:]
    private var generation = 0

    public init(_ location: PostgresLocation) throws {
        self.location = location
        guard let c = PostgresConnection.connect(location.settings) else {
            throw StoreError("cannot reach the store \(location): out of memory")
        }
        guard GPQstatus(c) == CONNECTION_OK else {
            let why = PostgresError.oneLine(String(cString: GPQerrorMessage(c)), hiding: location.secrets)
            GPQfinish(c)
            var error = StoreError("cannot open the store \(location): \(why)")
            error.deniesAccess = PostgresError.deniesAccess(why)
            throw error
        }
        connection = c
        try quiet()
    }

    /// Connects with `settings` as keywords and values: never a connection string, which
    /// libpq would quote, password and all, in its complaints.
    private static func connect(_ settings: [String: String]) -> OpaquePointer? {
        let pairs = settings.sorted { $0.key < $1.key }
        let keywords = pairs.map { strdup($0.key) } + [nil]
        let values = pairs.map { strdup($0.value) } + [nil]
        defer {
            for p in keywords + values { free(p) }
        }
        return keywords.map { UnsafePointer($0) }.withUnsafeBufferPointer { k in
            values.map { UnsafePointer($0) }.withUnsafeBufferPointer { v in
                GPQconnectdbParams(k.baseAddress, v.baseAddress, 0)
            }
        }
    }

    /// What went wrong on this connection, its password hidden.
    private func failure(_ result: OpaquePointer?) -> PostgresError {
        PostgresError.from(result, connection: connection, hiding: location.secrets)
    }

    /// libpq prints the server's notices on standard error, over a board's screen: they go
    /// nowhere, and the routine ones ("schema golive already exists, skipping") are not even
    /// asked for.
    private func quiet() throws {
        golive_pq_quiet(connection)
        _ = try execute("SET client_min_messages = warning")
    }

    deinit { GPQfinish(connection) }

    /// Runs one statement with its parameters (`$1`, `$2`…, or the store's `?`), rows in
    /// binary. Each statement is prepared once per connection, as SQLite's are: a restore
    /// runs the same few INSERTs a million times, and parsing and planning each was most
    /// of the server's work.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [PostgresValue] = []) throws -> PostgresResult {
        try settle()
        let name = try prepared(sql)
        let result = withParameters(parameters) { values, lengths, formats in
            GPQexecPrepared(connection, name, Int32(parameters.count), values, lengths, formats, 1)
        }
        if let result, [PGRES_COMMAND_OK, PGRES_TUPLES_OK].contains(GPQresultStatus(result)) {
            return PostgresResult(result)
        }
        let error = failure(result)
        if let result { GPQclear(result) }
        throw error
    }

    /// The name `sql` is prepared under on this connection, preparing it the first time. The
    /// server infers each parameter's type from where it stands.
    private func prepared(_ sql: String) throws -> String {
        if let name = statements[sql] { return name }
        // Statements with their ids written in (a list of accounts) are each new: the server
        // keeps every prepared one until told, so past a few hundred they are let go.
        if statements.count >= 256 {
            let result = GPQexec(connection, "DEALLOCATE ALL")
            GPQclear(result)
            statements.removeAll()
            generation += 1
        }
        let name = "golive_\(generation)_\(statements.count + 1)"
        let result = GPQprepare(connection, name, PostgresSQL.translate(sql), 0, nil)
        defer { GPQclear(result) }
        guard let result, GPQresultStatus(result) == PGRES_COMMAND_OK else {
            throw failure(result)
        }
        statements[sql] = name
        return name
    }

    /// Sends a statement whose result no one reads (an INSERT of a restore's or a seed's
    /// rows) without waiting for the server's answer: a restore sends a million of them, and
    /// waiting for each was most of its time. Its refusal, if any, is thrown by the next
    /// `execute` (the transaction's COMMIT at the latest), which waits for them all.
    public func send(_ sql: String, _ parameters: [PostgresValue]) throws {
        // Preparing waits for its answer: done before the pipeline, once per statement.
        if statements[sql] == nil { try settle() }
        let name = try prepared(sql)
        if !pipelined {
            guard GPQenterPipelineMode(connection) == 1 else { throw failure(nil) }
            pipelined = true
        }
        let sent = withParameters(parameters) { values, lengths, formats in
            GPQsendQueryPrepared(connection, name, Int32(parameters.count), values, lengths, formats, 1)
        }
        guard sent == 1 else { throw failure(nil) }
        unread += 1
        // The server's answers are read now and then, so neither side fills its buffers
        // while waiting on the other.
        if unread >= 512 { try settle() }
    }

    private var pipelined = false
    private var unread = 0

    /// Reads the answers to what `send` sent and leaves pipeline mode; throws the first
    /// refusal among them.
    private func settle() throws {
        guard pipelined else { return }
        guard GPQpipelineSync(connection) == 1 else { throw failure(nil) }
        var first: PostgresError?
        while true {
            guard let result = GPQgetResult(connection) else {
                // Between one statement's results and the next.
                if GPQstatus(connection) != CONNECTION_OK { break }
                continue
            }
            let status = GPQresultStatus(result)
            if status == PGRES_PIPELINE_SYNC {
                GPQclear(result)
                break
            }
            if status == PGRES_FATAL_ERROR && first == nil {
                first = failure(result)
            }
            GPQclear(result)
        }
        GPQexitPipelineMode(connection)
        pipelined = false
        unread = 0
        if let first { throw first }
        if GPQstatus(connection) != CONNECTION_OK { throw failure(nil) }
    }

    /// Runs several statements without parameters (a migration's), one after the other.
    public func executeScript(_ sql: String) throws {
        try settle()
        let result = GPQexec(connection, sql)
        defer { GPQclear(result) }
        guard let result, GPQresultStatus(result) == PGRES_COMMAND_OK || GPQresultStatus(result) == PGRES_TUPLES_OK
        else {
            throw failure(result)
        }
    }

    /// Ends a failed transaction: the answers still due are read (a refusal among them is
    /// what failed it), then it is rolled back.
    public func rollback() {
        guard isOpen else { return }
        try? settle()
        _ = try? execute("ROLLBACK")
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            rollback()
            throw error
        }
    }

    /// Asks for the notifications sent on `channel` from now on.
    public func listen(_ channel: String) throws {
        try execute("LISTEN \(quoted(channel))")
    }

    /// The notifications that arrived since the last call, without waiting for any.
    public func notifications() throws -> [(channel: String, payload: String, sender: Int32)] {
        guard GPQconsumeInput(connection) == 1 else {
            throw failure(nil)
        }
        var out: [(String, String, Int32)] = []
        while let n = GPQnotifies(connection) {
            out.append((String(cString: n.pointee.relname), String(cString: n.pointee.extra), n.pointee.be_pid))
            GPQfreemem(n)
        }
        return out
    }

    /// The connection's socket, to wait on with the keyboard for notifications.
    public var socket: Int32 { GPQsocket(connection) }

    /// Connects again with the same settings after the connection was lost; what was
    /// prepared on the old one is gone with it.
    public func reset() throws {
        pipelined = false
        unread = 0
        GPQreset(connection)
        statements.removeAll()
        guard GPQstatus(connection) == CONNECTION_OK else {
            throw PostgresError(
                sqlState: nil,
                message: PostgresError.oneLine(
                    String(cString: GPQerrorMessage(connection)), hiding: location.secrets),
                detail: nil, connectionLost: true)
        }
        try quiet()
    }

    /// Whether the server is still there as far as libpq knows.
    public var isOpen: Bool { GPQstatus(connection) == CONNECTION_OK }

    private func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The parameters as libpq takes them: texts and integers as text, bytes as binary,
    /// all in one buffer that stays put while libpq reads it.
    private func withParameters<R>(
        _ parameters: [PostgresValue],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> R
    ) -> R {
        var buffer: [UInt8] = []
        var offsets: [Int?] = []
        var lengths: [Int32] = []
        for p in parameters {
            let start = buffer.count
            switch p {
            case .null: offsets.append(nil)
            case .int(let i): buffer += String(i).utf8 + [0]
            case .text(let s): buffer += s.utf8 + [0]
            case .bytes(let d): buffer += d
            }
            if case .null = p {
                lengths.append(0)
                continue
            }
            offsets.append(start)
            lengths.append(Int32(buffer.count - start))
        }
        // An empty value at the end still needs an address inside the buffer.
        buffer.append(0)
        let formats = parameters.map { p -> Int32 in if case .bytes = p { return 1 } else { return 0 } }
        return buffer.withUnsafeBytes { raw in
            let base = raw.bindMemory(to: CChar.self).baseAddress
            let values: [UnsafePointer<CChar>?] = offsets.map { o in o.flatMap { at in base.map { $0 + at } } }
            return values.withUnsafeBufferPointer { v in body(v.baseAddress, lengths, formats) }
        }
    }
}

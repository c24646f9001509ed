import Foundation

/// One PostgreSQL server for the whole test run: started on first use in a temporary
/// folder on a free loopback port, as the `postgres` user when the tests run as root (CI
/// does, and the server refuses root), and stopped by a watchdog when the test process
/// ends, however it ends. Connections over TCP need a password (scram-sha-256), so tests
/// can check what golive says of a wrong one; the tests' own set-up goes through the
/// server's socket.
public final class PostgresServer: Sendable {
    public static let shared: PostgresServer = {
        do {
            return try PostgresServer()
        } catch {
            fatalError("cannot start the tests' PostgreSQL server: \(error)")
        }
    }()

    public let port: Int
    /// The superuser's password on TCP connections.
    public let password = "golive-test-\(UInt32.random(in: 0...UInt32.max))"
    public let folder: String
    private let bin: String
    private let user: String?

    private init() throws {
        guard let bin = PostgresServer.binaries() else {
            throw ServerError("no PostgreSQL server binaries under /usr/lib/postgresql (install Debian's postgresql)")
        }
        self.bin = bin
        user = geteuid() == 0 ? "postgres" : nil
        folder = NSTemporaryDirectory() + "golive-pg-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let user { try PostgresServer.run("/bin/chown", [user, folder]) }
        try Data((password + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/pwfile"))
        if let user { try PostgresServer.run("/bin/chown", [user, folder + "/pwfile"]) }
        port = try PostgresServer.freePort()
        try tool(
            "initdb",
            [
                "-D", folder + "/data", "-U", "postgres", "--pwfile", folder + "/pwfile", "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync",
            ])
        try start()
        watch()
    }

    /// A server of the caller's own, for a test that stops and starts it (the shared one
    /// serves every other test at the same time).
    public static func own() throws -> PostgresServer { try PostgresServer() }

    /// Starts the server again after `stop`, on the same port, with the same databases.
    public func start() throws {
        try tool(
            "pg_ctl",
            [
                "-D", folder + "/data", "-l", folder + "/log", "-w", "start", "-o",
                "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                    + " -c full_page_writes=off",
            ])
    }

    /// Stops the server as an administrator's restart does (`pg_ctl stop -m fast`): every
    /// connection is ended.
    public func stop() throws {
        try tool("pg_ctl", ["-D", folder + "/data", "-m", "fast", "-w", "stop"])
    }

    /// A new, empty database and the URL that reaches it over TCP with the password.
    public func newDatabase() throws -> String {
        let name = "golive_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        try sql("CREATE DATABASE \(name) TEMPLATE template0")
        return url(database: name)
    }

    /// The URL of `database` as `role` (the superuser unless said), password included.
    public func url(database: String, role: String = "postgres", password: String? = nil) -> String {
        "postgresql://\(role):\(password ?? self.password)@127.0.0.1:\(port)/\(database)"
    }

    /// The database a URL made by `newDatabase` or `url(database:)` names.
    public static func database(of url: String) -> String {
        String(url.split(separator: "/").last ?? "")
    }

    /// Cuts every connection to `database` from the server's side, as a network failure does.
    public func cut(_ database: String) throws {
        try sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' "
                + "AND pid <> pg_backend_pid()")
    }

    /// Makes `database` refuse new connections (as a server that is down does), or take them again.
    public func refuseConnections(to database: String, _ refuse: Bool) throws {
        try sql("ALTER DATABASE \(database) ALLOW_CONNECTIONS \(refuse ? "false" : "true")")
    }

    /// Runs SQL as the superuser through the server's socket (set-up: roles, databases).
    @discardableResult
    public func sql(_ statement: String, database: String = "postgres") throws -> String {
        try tool(
            "psql",
            [
                "-h", folder, "-p", String(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-qAtc",
                statement,
            ])
    }

    @discardableResult
    private func tool(_ name: String, _ arguments: [String]) throws -> String {
        if let user {
            return try PostgresServer.run("/usr/sbin/runuser", ["-u", user, "--", bin + "/" + name] + arguments)
        }
        return try PostgresServer.run(bin + "/" + name, arguments)
    }

    /// Stops the server (and removes its folder) once this process is gone.
    private func watch() {
        let stop = [bin + "/pg_ctl", "-D", folder + "/data", "-m", "immediate", "stop"]
        let asUser = user.map { "/usr/sbin/runuser -u \($0) -- " } ?? ""
        let script = """
            while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done
            \(asUser)\(stop.map { "'\($0)'" }.joined(separator: " ")) >/dev/null 2>&1
            rm -rf '\(folder)'
            """
        _ = try? PostgresServer.spawn("/bin/sh", ["-c", script], output: nil)
    }

    private static func binaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap(Int.init).sorted().last.map { "\(root)/\($0)/bin" }
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p in
                bind(fd, p, length) == 0 && getsockname(fd, p, &length) == 0
            }
        }
        guard bound else { throw ServerError("cannot find a free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs a tool to its end, its output in a file. Not through Foundation's `Process`:
    /// the server `pg_ctl` leaves running keeps what it inherited, and `Process` then never
    /// saw `pg_ctl` end; a plain spawn with every other descriptor closed, and `waitpid`.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "golive-pg-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let pid = try spawn(executable, arguments, output: outputPath)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let said = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED and WEXITSTATUS are macros Swift does not import.
        guard status & 0x7f == 0 && (status >> 8) & 0xff == 0 else {
            throw ServerError("\((executable as NSString).lastPathComponent) \(arguments.last ?? ""): \(said)")
        }
        return said.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts `executable` with its output going to `output` (or nowhere) and nothing else
    /// of this process's open files.
    static func spawn(_ executable: String, _ arguments: [String], output: String?) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else open here reaches the child (and the server it may leave running).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let fd = Int32(name), fd > 2 { _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC) }
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard rc == 0 else { throw ServerError("cannot run \(executable): \(String(cString: strerror(rc)))") }
        return pid
    }

    struct ServerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

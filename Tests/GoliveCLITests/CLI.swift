import Foundation
import GoliveTestSupport

/// Runs the real `golive` binary built beside the tests, in a private HOME so no test
/// touches the user's store or config.
struct CLI {
    let home: String

    init() {
        home = NSTemporaryDirectory() + "golive-cli-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: home) }

    func file(_ name: String) -> String { (home as NSString).appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let p = file(name)
        try! FileManager.default.createDirectory(
            atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    static let binary: String = {
        // The test bundle sits in the build products folder next to the executable.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("golive").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/golive").path
        return fromSource
    }()

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    @discardableResult
    func run(_ args: [String], env extra: [String: String] = [:]) throws -> Result {
        try runProgram(CLI.binary, args, env: extra)
    }

    /// Any program in the same private HOME and environment as golive.
    func runProgram(_ program: String, _ args: [String], env extra: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["XDG_DATA_HOME"] = home + "/data"
        env["XDG_CONFIG_HOME"] = home + "/config"
        env["USER"] = "tester"
        env.removeValue(forKey: "GOLIVE_STORE")
        env.removeValue(forKey: "GOLIVE_TODAY")
        for (k, v) in extra { env[k] = v }
        try WritePaths.check(arguments: args, environment: extra, folder: home)
        p.environment = env
        p.currentDirectoryURL = URL(fileURLWithPath: home)
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read before waiting: a full pipe would block the child forever.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, out: String(decoding: o, as: UTF8.self),
            err: String(decoding: e, as: UTF8.self))
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// A store seeded with 40 accounts (seed 8) as of 2026-11-22, the end-to-end tests' portfolio.
    func seededStore() throws -> String {
        let store = file("p.sqlite")
        let r = try run(["seed", "--store", store, "--accounts", "40", "--seed", "8", "--as-of", "2026-11-22"])
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: r.err]) }
        return store
    }
}

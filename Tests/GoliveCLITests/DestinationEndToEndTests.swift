import Foundation
import GoliveTestSupport
import Testing

/// Every command that writes a file (export, backup, calendar, plan, seed, restore) writes
/// only a regular file or a new name: never a device, a FIFO, a folder, the store or a file
/// beside it, nor an existing file without `--force`; a failure says why in its own words
/// and leaves nothing at the name.
@Suite(.serialized)
struct DestinationEndToEndTests {
    /// What the target is before the command runs, made in the test's own folder.
    enum Target: String, CaseIterable, Sendable {
        case fifo, device, folder, store, wal, shm, storeLink, storeHardLink, existing, missingFolder
    }

    static let commands: [(name: String, args: [String])] = [
        ("export", ["export", "--store", "{store}", "--output", "{target}", "--force"]),
        ("backup", ["backup", "--store", "{store}", "--output", "{target}", "--force"]),
        ("calendar", ["calendar", "--store", "{store}", "--output", "{target}", "--force"]),
        ("plan", ["plan", "1", "--store", "{store}", "--output", "{target}", "--force"]),
        ("seed", ["seed", "--accounts", "2", "--as-of", "2026-11-22", "--store", "{target}"]),
        ("restore", ["restore", "{export}", "--store", "{target}"]),
        ("restore a backup", ["restore", "{backup}", "--store", "{target}"]),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var command: String
        var args: [String]
        var target: Target
        var testDescription: String { "\(command) into \(target.rawValue)" }
    }

    static let cases: [Case] = commands.flatMap { c in
        Target.allCases.compactMap { t in
            // --force is the user's word to replace an existing file; seed and restore
            // never replace one (they refuse a store that is not empty, tested elsewhere).
            if t == .existing && c.args.contains("--force") { return nil }
            let storeTargets: Set<Target> = [.store, .storeLink, .storeHardLink]
            // A new store's folder is made for it (0700), as the default store's is.
            let makesStore = ["seed", "restore", "restore a backup"].contains(c.name)
            if makesStore && (storeTargets.contains(t) || t == .missingFolder) { return nil }
            return Case(command: c.name, args: c.args, target: t)
        }
    }

    /// Makes `target` at `path` and returns what it was, to compare after the run.
    func make(_ target: Target, at path: String, store: String) throws -> String {
        switch target {
        case .fifo:
            #expect(mkfifo(path, 0o600) == 0)
        case .device:
            #expect(try spawnAndWait(["mknod", path, "c", "1", "3"]).status == 0, "mknod needs root, as CI runs")
        case .folder:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .store, .wal, .shm:
            break
        case .storeLink:
            #expect(symlink(store, path) == 0)
        case .storeHardLink:
            #expect(link(store, path) == 0)
        case .existing:
            try Data("someone's notes\n".utf8).write(to: URL(fileURLWithPath: path))
        case .missingFolder:
            break
        }
        return describe(path)
    }

    /// A path's kind and bytes, for "left as it was".
    func describe(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "nothing" }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFREG {
            return "file \(FileManager.default.contents(atPath: path)?.hashValue ?? 0) \(info.st_size)"
        }
        return "kind \(kind) rdev \(info.st_rdev)"
    }

    @Test(arguments: cases)
    func aCommandNeverWritesOverWhatItWasNotAskedToWrite(_ c: Case) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let export = cli.file("e.json")
        let backup = cli.file("b.sqlite")
        #expect(try cli.run(["export", "--store", store, "--output", export]).status == 0)
        #expect(try cli.run(["backup", "--store", store, "--output", backup]).status == 0)
        // A reader keeps the log and shared memory in place, as a running board does.
        _ = try spawnAndWait(["sqlite3", store, "PRAGMA journal_mode"])
        try Data().write(to: URL(fileURLWithPath: store + "-wal"), options: .withoutOverwriting)
        let target: String
        switch c.target {
        case .store: target = store
        case .wal: target = store + "-wal"
        case .shm: target = store + "-shm"
        case .missingFolder: target = cli.file("no/such/folder/out")
        default: target = cli.file("target")
        }
        let before = try make(c.target, at: target, store: store)
        let storeBefore = cli.bytes(store)
        let args = c.args.map {
            $0.replacingOccurrences(of: "{store}", with: store).replacingOccurrences(of: "{target}", with: target)
                .replacingOccurrences(of: "{export}", with: export).replacingOccurrences(of: "{backup}", with: backup)
        }
        let r = try cli.run(args)
        #expect(r.status != 0, "\(c): exit 0: \(r.out)")
        #expect(r.err.hasPrefix("golive: ") && r.err.split(separator: "\n").count == 1, "\(c): \(r.err)")
        let words: [Target: String] = [
            .fifo: "not a regular file", .device: "not a regular file", .folder: "a folder",
            .store: "is the store", .wal: "write-ahead log", .shm: "shared memory", .storeLink: "is the store",
            .storeHardLink: "is the store", .existing: "exists: nothing was written (--force replaces it)",
            .missingFolder: "does not exist",
        ]
        let makesStore = c.args.first == "seed" || c.args.first == "restore"
        let word = makesStore && c.target == .existing ? "not a golive store" : words[c.target]!
        #expect(r.err.contains(word), "\(c): \(r.err)")
        #expect(describe(target) == before, "\(c): the target changed")
        #expect(cli.bytes(store) == storeBefore, "\(c): the store changed")
        let left = ((try? FileManager.default.contentsOfDirectory(atPath: cli.home)) ?? []).filter {
            $0.contains(".golive-") || $0.contains(".building-")
        }
        #expect(left.isEmpty, "\(c): left behind \(left)")
    }

    /// A process id that has ended, for the leftovers of a killed run.
    func endedProcess() throws -> pid_t {
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { for a in argv { free(a) } }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, &argv, environ) == 0)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return pid
    }

    @Test func theLeftoversOfAKilledWriterAreRemovedByTheNextAndARunningOnesAreKept() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let dead = try endedProcess()
        let abandoned = [
            ".b.sqlite.golive-\(dead)-1a2b3c4d.tmp", ".b.sqlite.golive-\(dead)-1a2b3c4d.tmp-journal",
            "b.sqlite.golive-\(dead).tmp", "b.sqlite.golive-\(dead).tmp-journal", ".c.ics.golive-\(dead)-99aa88bb.tmp",
        ]
        let running = ".b.sqlite.golive-\(getpid())-5e6f7a8b.tmp"
        for name in abandoned + [running] { cli.write(name, "half a file") }
        // A folder of the user's under a name like a scratch file's is not golive's to remove.
        let folder = ".b.sqlite.golive-\(dead)-ffffffff.tmp"
        cli.write(folder + "/precious", "kept")
        #expect(try cli.run(["backup", "--store", store, "--output", cli.file("b.sqlite")]).status == 0)
        #expect(try cli.run(["calendar", "--store", store, "--output", cli.file("c.ics")]).status == 0)
        for name in abandoned { #expect(!FileManager.default.fileExists(atPath: cli.file(name)), "\(name) is left") }
        #expect(FileManager.default.fileExists(atPath: cli.file(running)), "a running writer's file was removed")
        #expect(FileManager.default.fileExists(atPath: cli.file(folder + "/precious")), "a folder was removed")
    }

    @Test func anExistingFileIsReplacedWholeWithForce() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let out = cli.write("plan.md", "old")
        let r = try cli.run(["plan", "1", "--store", store, "--output", out, "--force", "--as-of", "2026-11-22"])
        #expect(r.status == 0, "\(r.err)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("# ") && text != "old")
        var info = stat()
        #expect(stat(out, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    /// A folder on a file system of its own: full (a 1 MB tmpfs a filler fills) or read-only.
    func mounted(_ cli: CLI, _ name: String, options: String) throws -> String {
        let disk = cli.file(name)
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let m = try spawnAndWait(["mount", "-t", "tmpfs", "-o", options, "tmpfs", disk])
        try #require(m.status == 0, "mounting a tmpfs needs root (as CI runs) or CAP_SYS_ADMIN: \(m.out)")
        return disk
    }

    @Test func aFullDiskAndAReadOnlyFolderEachGetTheirOwnWordsAndLeaveNothing() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let full = try mounted(cli, "full", options: "size=1m")
        defer { _ = try? spawnAndWait(["umount", "-l", full]) }
        _ = try spawnAndWait(["dd", "if=/dev/zero", "of=\(full)/filler", "bs=16k"])
        let readOnly = try mounted(cli, "ro", options: "ro,size=1m")
        defer { _ = try? spawnAndWait(["umount", "-l", readOnly]) }
        for (folder, words) in [(full, "disk full: nothing was written to"), (readOnly, "read-only file system")] {
            for args in [
                ["export", "--store", store, "--output", "\(folder)/e.json"],
                ["backup", "--store", store, "--output", "\(folder)/b.sqlite"],
                ["calendar", "--store", store, "--output", "\(folder)/c.ics"],
                ["plan", "1", "--store", store, "--output", "\(folder)/p.html", "--format", "html"],
            ] {
                let r = try cli.run(args)
                #expect(r.status != 0, "\(args)")
                #expect(r.err.contains(words) && r.err.split(separator: "\n").count == 1, "\(args): \(r.err)")
                let names = try FileManager.default.contentsOfDirectory(atPath: folder)
                #expect(names.allSatisfy { $0 == "filler" }, "\(args): left \(names)")
            }
        }
    }

    /// CI runs as root: the helpers that run golive refuse, before it starts, a test that
    /// would have it write anywhere but the test's own folder.
    @Test(arguments: [
        (["seed", "--accounts", "1", "--store", "/dev/null"], true),
        (["export", "--output=/etc/passwd"], true),
        (["report", "stalled", "--store", "../../../var/lib/x.sqlite"], true),
        (["export", "--output", "out.json"], false),
        (["report", "stalled", "--store", "postgresql://ana@localhost/golive"], false),
    ])
    func theTestHelpersRefuseToHaveGoliveWriteOutsideTheTestsFolder(_ args: [String], refused: Bool) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let outside = WritePaths.outside(arguments: args, environment: [:], folder: cli.home)
        #expect(outside.isEmpty != refused, "\(args): \(outside)")
        if refused {
            #expect(throws: WritePaths.Refused.self) { try cli.run(args) }
        }
        let fromEnvironment = WritePaths.outside(
            arguments: [], environment: ["GOLIVE_STORE": "/dev/null"], folder: cli.home)
        #expect(fromEnvironment == ["/dev/null"])
    }
}

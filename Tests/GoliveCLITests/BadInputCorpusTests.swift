import Foundation
import Testing

/// The corpus of bad input (Tests/GoliveCLITests/Corpus/ plus a few generated at run time):
/// each case through the real binary must fail with a clear one-line message naming what is
/// wrong, exit non-zero, and leave the store byte-identical — or never create it.
@Suite(.serialized)
struct BadInputCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
        .path

    enum StoreSetup: Sendable {
        case none, seeded
        case file(String)
        /// A seeded store's export at `{tmp}/bad.json`, its first match of a pattern replaced.
        case export(String, String)
        /// A seeded store's backup at `{tmp}/bad.sqlite`, then changed by `sqlite3` running SQL:
        /// another program's edit, which restore must check as it checks an export.
        case backup(String)
        /// The store path is a FIFO, a character device (made in the test's folder: never a
        /// system path), or a store scribbled over after its first page.
        case fifo, device, damaged
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// `{store}`, `{corpus}`, `{tmp}` are replaced.
        var args: [String]
        var store: StoreSetup = .seeded
        var message: String
        /// Files written below the private HOME before the run (keys.yaml, say).
        var files: [String: String] = [:]
        var env: [String: String] = [:]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // CSV imports
        .init(
            name: "csv: missing required column",
            args: ["import", "{corpus}/csv-missing-column.csv", "--store", "{store}"],
            message: "csv-missing-column.csv:1: missing columns 'segment', 'contract signed'"),
        .init(
            name: "csv: unknown segment", args: ["import", "{corpus}/csv-unknown-segment.csv", "--store", "{store}"],
            message: "csv-unknown-segment.csv:2: column 'Segment': unknown segment 'giant'"),
        .init(
            name: "csv: bad date", args: ["import", "{corpus}/csv-bad-date.csv", "--store", "{store}"],
            message: "csv-bad-date.csv:2: column 'Contract Signed': '2026-02-30' is not a date"),
        .init(
            name: "csv: bad number", args: ["import", "{corpus}/csv-bad-number.csv", "--store", "{store}"],
            message: "csv-bad-number.csv:2: column 'ARR': 'lots' is not an amount"),
        .init(
            name: "csv: negative ARR", args: ["import", "{corpus}/csv-negative-arr.csv", "--store", "{store}"],
            message: "csv-negative-arr.csv:2: column 'ARR': ARR cannot be negative (-100)"),
        .init(
            name: "csv: duplicate account",
            args: ["import", "{corpus}/csv-duplicate-account.csv", "--store", "{store}"],
            message: "csv-duplicate-account.csv:4: column 'Account Name': duplicate account 'Acme' (also on line 2)"),
        .init(
            name: "csv: empty file", args: ["import", "{corpus}/csv-empty.csv", "--store", "{store}"],
            message: "csv-empty.csv: the file is empty"),
        .init(
            name: "csv: header only", args: ["import", "{corpus}/csv-header-only.csv", "--store", "{store}"],
            message: "csv-header-only.csv: no accounts in the file (only a header line)"),
        .init(
            name: "csv: BOM, bad row", args: ["import", "{corpus}/csv-bom.csv", "--store", "{store}"],
            message: "csv-bom.csv:2: column 'Segment': unknown segment 'huge'"),
        .init(
            name: "csv: CRLF, bad row", args: ["import", "{corpus}/csv-crlf.csv", "--store", "{store}"],
            message: "csv-crlf.csv:3: column 'Contract Signed': '13/13/2026' is not a date"),
        .init(
            name: "csv: quoted newline before a bad row",
            args: ["import", "{corpus}/csv-quoted-newline.csv", "--store", "{store}"],
            message: "csv-quoted-newline.csv:4: column 'Segment': unknown segment 'tiny'"),
        .init(
            name: "csv: non-UTF-8 bytes", args: ["import", "{corpus}/csv-not-utf8.csv", "--store", "{store}"],
            message: "csv-not-utf8.csv: is not UTF-8 text"),
        .init(
            name: "csv: row with too few fields", args: ["import", "{corpus}/csv-short-row.csv", "--store", "{store}"],
            message: "csv-short-row.csv:2: expected 6 fields, found 5"),
        .init(
            name: "csv: go-live before signing",
            args: ["import", "{corpus}/csv-golive-before-signing.csv", "--store", "{store}"],
            message: "is before the contract was signed"),
        .init(
            name: "csv: empty required cell", args: ["import", "{corpus}/csv-empty-csm.csv", "--store", "{store}"],
            message: "csv-empty-csm.csv:2: column 'CSM': empty"),
        .init(
            name: "csv: a 10 MB field", args: ["import", "{tmp}/huge-field.csv", "--store", "{store}"],
            message: "huge-field.csv:2: column 'Account Name': longer than 200 characters"),
        .init(
            name: "csv: 100k rows, one bad row at the end",
            args: ["import", "{tmp}/many-rows.csv", "--store", "{store}"],
            message: "many-rows.csv:100002: column 'ARR': 'n/a' is not an amount"),
        .init(
            name: "csv: a directory", args: ["import", "{corpus}", "--store", "{store}"],
            message: "is a directory, not a CSV file"),
        .init(
            name: "csv: no such file", args: ["import", "{tmp}/nope.csv", "--store", "{store}"],
            message: "nope.csv: no such file"),
        .init(
            name: "csv: unknown playbook",
            args: ["import", "{tmp}/one-good.csv", "--store", "{store}", "--playbook", "bespoke"],
            message: "unknown playbook 'bespoke'"),
        // Playbooks and themes
        .init(
            name: "playbook: YAML syntax error", args: ["playbook", "check", "{corpus}/playbook-syntax.yaml"],
            store: .none, message: "playbook-syntax.yaml:5: YAML syntax error"),
        .init(
            name: "playbook: unknown lane", args: ["playbook", "check", "{corpus}/playbook-unknown-lane.yaml"],
            store: .none, message: "playbook-unknown-lane.yaml:7: tasks[0]: unknown lane 'partner'"),
        .init(
            name: "playbook: dependency cycle", args: ["playbook", "check", "{corpus}/playbook-cycle.yaml"],
            store: .none, message: "playbook-cycle.yaml:7: dependency cycle: a → b → a"),
        .init(
            name: "playbook: negative SLA", args: ["playbook", "check", "{corpus}/playbook-negative-sla.yaml"],
            store: .none, message: "playbook-negative-sla.yaml:3: negative SLA (-2 days) for stage 'setup'"),
        .init(
            name: "playbook: unknown checkpoint",
            args: ["playbook", "check", "{corpus}/playbook-unknown-checkpoint.yaml"], store: .none,
            message: "playbook-unknown-checkpoint.yaml:5: unknown checkpoint 'nowhere'"),
        .init(
            name: "playbook: checkpoints out of stage order",
            args: ["playbook", "check", "{corpus}/playbook-out-of-order.yaml"], store: .none,
            message:
                "playbook-out-of-order.yaml:7: checkpoint 'go-live' (day 10) is due before 'ready' (day 20), of an earlier stage"
        ),
        .init(
            name: "playbook: a directory", args: ["playbook", "check", "{corpus}"], store: .none,
            message: "is a directory, not a YAML file"),
        .init(
            name: "playbook: unreadable file", args: ["playbook", "check", "/proc/self/mem"], store: .none,
            message: "/proc/self/mem: cannot be read"),
        .init(
            name: "playbook: a broken one in the user's folder",
            args: ["seed", "--accounts", "2", "--store", "{store}"], store: .none,
            message: "playbooks/bad.yaml:7: tasks[0]: unknown lane 'partner'"),
        .init(
            name: "theme: unknown role", args: ["theme", "check", "{corpus}/theme-unknown-role.yaml"], store: .none,
            message: "theme-unknown-role.yaml:3: unknown role 'rag.purple'"),
        .init(
            name: "theme: bad colour", args: ["theme", "check", "{corpus}/theme-bad-colour.yaml"], store: .none,
            message: "theme-bad-colour.yaml:3: palette.brand: '#12345g' is not a colour"),
        .init(
            name: "theme: YAML syntax error", args: ["theme", "check", "{corpus}/theme-syntax.yaml"], store: .none,
            message: "theme-syntax.yaml:3: YAML syntax error"),
        .init(
            name: "theme: bad theme for the board",
            args: ["--store", "{store}", "--theme", "{corpus}/theme-unknown-role.yaml"],
            message: "unknown role 'rag.purple'"),
        // JSON for restore
        .init(
            name: "restore: truncated",
            args: ["restore", "{corpus}/export-truncated.json", "--store", "{tmp}/new.sqlite"], store: .none,
            message: "export-truncated.json: not valid JSON"),
        .init(
            name: "restore: wrong version",
            args: ["restore", "{corpus}/export-wrong-version.json", "--store", "{tmp}/new.sqlite"], store: .none,
            message: "export version 3 is not supported (this golive reads version 1)"),
        .init(
            name: "restore: events about missing accounts",
            args: ["restore", "{corpus}/export-missing-account.json", "--store", "{tmp}/new.sqlite"], store: .none,
            message: "export-missing-account.json: events[0].account_id: account 42 is not in the file"),
        .init(
            name: "restore: not an export",
            args: ["restore", "{corpus}/export-not-golive.json", "--store", "{tmp}/new.sqlite"], store: .none,
            message: "not a golive export"),
        .init(
            name: "restore: into a store that is not empty",
            args: ["restore", "{tmp}/good-export.json", "--store", "{store}"],
            message: "is not empty: restore only into a new store"),
        // Stores
        .init(
            name: "store: not a database", args: ["report", "stalled", "--store", "{store}"], store: .file("notes\n"),
            message: "is not a golive store (not a SQLite database)"),
        .init(
            name: "store: truncated database", args: ["report", "stalled", "--store", "{store}"],
            store: .file("<truncated>"),
            message: "is damaged (database disk image is malformed): restore it from an export or a backup"),
        .init(
            name: "store: from a newer schema", args: ["report", "stalled", "--store", "{store}"],
            store: .file("<newer>"), message: "was written by a newer golive"),
        .init(
            name: "store: another program's database", args: ["seed", "--accounts", "1", "--store", "{store}"],
            store: .file("<foreign>"), message: "is not a golive store (it is another program's SQLite database)"),
        .init(
            name: "store: a path that does not exist",
            args: ["report", "overdue", "--store", "{tmp}/missing/p.sqlite"], store: .none, message: "no store at"),
        .init(
            name: "store: a folder under a file",
            args: ["seed", "--accounts", "1", "--store", "{tmp}/a-file/p.sqlite"], store: .none,
            message: "cannot create the store", files: ["a-file": "not a folder"]),
        .init(
            name: "store: a directory", args: ["report", "stalled", "--store", "{tmp}"], store: .none,
            message: "is a folder, not a golive store"),
        // Command line
        .init(
            name: "cli: unknown flag", args: ["report", "stalled", "--store", "{store}", "--verbose"],
            message: "golive: unknown option '--verbose' (golive --help)"),
        .init(
            name: "cli: bad --as-of", args: ["report", "stalled", "--store", "{store}", "--as-of", "2026-13-01"],
            message: "--as-of '2026-13-01' is not a date"),
        .init(
            name: "cli: --as-of without dashes",
            args: ["report", "stalled", "--store", "{store}", "--user", "x", "--as-of=20261122"],
            message: "is not a date (expected YYYY-MM-DD, "),
        .init(
            name: "cli: --accounts 0", args: ["seed", "--accounts", "0", "--store", "{tmp}/new.sqlite"], store: .none,
            message: "--accounts must be at least 1 (got 0)"),
        .init(
            name: "cli: negative --csms",
            args: ["seed", "--accounts", "3", "--csms=-2", "--store", "{tmp}/new.sqlite"], store: .none,
            message: "--csms must be at least 1 (got -2)"),
        .init(
            name: "cli: negative --tasks-per-account",
            args: ["seed", "--accounts", "3", "--tasks-per-account=-1", "--store", "{tmp}/new.sqlite"], store: .none,
            message: "--tasks-per-account must be between 1 and 1000"),
        .init(
            name: "cli: unknown report", args: ["report", "everything", "--store", "{store}"],
            message: "unknown report 'everything'"),
        .init(
            name: "cli: unknown view", args: ["--view", "calendar", "--store", "{store}"],
            message: "--view 'calendar' is not a screen"),
    ]

    @Test(arguments: cases + secondPass)
    func badInputIsRefusedClearlyAndChangesNothing(_ c: Case) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let tmp = cli.home
        let store = cli.file("p.sqlite")
        try prepare(c, cli: cli, store: store)
        let before = cli.bytes(store)
        let args = c.args.map {
            $0.replacingOccurrences(of: "{store}", with: store).replacingOccurrences(of: "{corpus}", with: Self.corpus)
                .replacingOccurrences(of: "{tmp}", with: tmp)
        }
        let r = try cli.run(args, env: c.env)
        #expect(r.status != 0, "exit status 0")
        #expect(r.err.contains(c.message), "got: \(r.err)")
        #expect(
            r.err.split(separator: "\n").count == 1 && r.err.hasPrefix("golive: "),
            "not one line: \(r.err)")
        #expect(!r.err.contains("Fatal error") && !r.err.contains("Stack dump"))
        #expect(cli.bytes(store) == before, "the store changed")
        #expect(!FileManager.default.fileExists(atPath: tmp + "/new.sqlite"), "a store was created")
        let scratch = ((try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? []).filter {
            $0.contains(".building-")
        }
        #expect(scratch.isEmpty, "a store's scratch was left: \(scratch)")
        #expect(!FileManager.default.fileExists(atPath: tmp + "/missing"))
    }

    func prepare(_ c: Case, cli: CLI, store: String) throws {
        let header = "Account Name,CSM,Segment,ARR,Contract Signed,Target Go-Live\n"
        for (path, text) in c.files { cli.write(path, text) }
        switch c.store {
        case .none: break
        case .export(let pattern, let replacement):
            let source = cli.file("source.sqlite")
            #expect(try cli.run(["seed", "--store", source, "--accounts", "3", "--as-of", "2026-11-22"]).status == 0)
            let json = try cli.run(["export", "--store", source]).out
            let range = try #require(json.range(of: pattern, options: .regularExpression), "no \(pattern)")
            cli.write("bad.json", json.replacingCharacters(in: range, with: replacement))
        case .backup(let sql):
            let source = cli.file("source.sqlite")
            #expect(try cli.run(["seed", "--store", source, "--accounts", "3", "--as-of", "2026-11-22"]).status == 0)
            #expect(try cli.run(["backup", "--store", source, "--output", cli.file("bad.sqlite")]).status == 0)
            #expect(try spawnAndWait(["sqlite3", cli.file("bad.sqlite"), sql]).status == 0)
        case .fifo:
            #expect(mkfifo(store, 0o600) == 0)
        case .device:
            #expect(try spawnAndWait(["mknod", store, "c", "1", "3"]).status == 0, "mknod needs root, as CI runs")
        case .damaged:
            #expect(try cli.run(["seed", "--store", store, "--accounts", "40", "--as-of", "2026-11-22"]).status == 0)
            var bytes = try #require(cli.bytes(store))
            for i in 4096..<bytes.count where i % 7 == 0 { bytes[i] = 0xA5 }
            try bytes.write(to: URL(fileURLWithPath: store))
        case .seeded:
            #expect(try cli.run(["seed", "--store", store, "--accounts", "3", "--as-of", "2026-11-22"]).status == 0)
        case .file(let kind):
            switch kind {
            case "<truncated>", "<newer>":
                #expect(
                    try cli.run(["seed", "--store", store, "--accounts", "20", "--as-of", "2026-11-22"]).status == 0)
                if kind == "<truncated>" {
                    let data = cli.bytes(store)!
                    try data.prefix(data.count / 3).write(to: URL(fileURLWithPath: store))
                } else {
                    _ = try spawnAndWait(["sqlite3", store, "INSERT INTO grdb_migrations VALUES ('v99')"])
                }
            case "<foreign>":
                _ = try spawnAndWait(["sqlite3", store, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"])
            default:
                cli.write("p.sqlite", kind)
            }
        }
        if c.name.contains("10 MB") {
            cli.write("huge-field.csv", header + String(repeating: "x", count: 10_000_000) + ",Ana,smb,1,2026-01-02,\n")
        }
        if c.name.contains("100k rows") {
            var text = header
            text.reserveCapacity(4_000_000)
            for i in 0..<100_000 { text += "Account \(i),Ana,smb,1000,2026-01-02,\n" }
            text += "Broken,Ana,smb,n/a,2026-01-02,\n"
            cli.write("many-rows.csv", text)
        }
        if c.name.contains("unknown playbook") { cli.write("one-good.csv", header + "Zed,Ana,smb,1,2026-01-02,\n") }
        if c.name.contains("not empty") {
            #expect(try cli.run(["export", "--store", store, "--output", cli.file("good-export.json")]).status == 0)
        }
        if c.name.contains("user's folder") {
            try FileManager.default.createDirectory(
                atPath: cli.home + "/config/golive/playbooks", withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: Self.corpus + "/playbook-unknown-lane.yaml",
                toPath: cli.home + "/config/golive/playbooks/bad.yaml")
        }
    }
}

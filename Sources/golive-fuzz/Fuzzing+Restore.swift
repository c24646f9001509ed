import Foundation
import GRDB
import GoliveDomain
import GoliveIO
import GoliveStore

extension Fuzzing {
    /// The seeded portfolio's backup, made once: every input edits a fresh copy of it.
    static let seededBackup: String = {
        let path = "\(scratch)/backup.sqlite"
        do {
            let store = try Store(path: seededStore, mode: .readOnly)
            try store.backup(to: Destination(path, replacing: false, keeping: []))
        } catch {
            fatalError("cannot back up \(seededStore): \(error)")
        }
        return path
    }()

    /// The columns another program could edit, by table.
    static let editable: [(table: String, columns: [String])] = {
        guard let db = try? DatabaseQueue(path: seededBackup) else { fatalError("cannot read \(seededBackup)") }
        defer { try? db.close() }
        let tables = ["accounts", "stages", "checkpoints", "tasks", "task_dependencies", "touchpoints", "events"]
        return tables.map { table in
            let columns = (try? db.read { try Row.fetchAll($0, sql: "PRAGMA table_info(\(table))") }) ?? []
            return (table, columns.map { $0["name"] as String })
        }
    }()

    /// A backup file another program edited: each input is a list of edits (split at 0xFF),
    /// each a table, a column and a row (three bytes) and a value (the rest: a number after
    /// 0xFE, else text). The backup is restored as `golive restore` does, through its export:
    /// refused with any message, or restored into a sound store whose export is the backup's.
    static func backup(_ data: Data) {
        let path = "\(scratch)/edited.sqlite"
        let restored = "\(scratch)/from-backup.sqlite"
        for p in [path, restored] {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: p + suffix) }
        }
        do {
            try FileManager.default.copyItem(atPath: seededBackup, toPath: path)
            let db = try DatabaseQueue(path: path)
            for edit in data.split(separator: 0xFF) where edit.count >= 3 {
                let bytes = Array(edit)
                let (table, columns) = editable[Int(bytes[0]) % editable.count]
                let column = columns[Int(bytes[1]) % columns.count]
                let rest = bytes.dropFirst(3)
                let value: DatabaseValueConvertible =
                    rest.first == 0xFE
                    ? Int64(truncatingIfNeeded: rest.dropFirst().reduce(0) { $0 << 8 | Int64($1) })
                    : String(decoding: rest, as: UTF8.self)
                try? db.write { d in
                    try d.execute(
                        sql:
                            "UPDATE \(table) SET \(column) = ? WHERE rowid = (SELECT rowid FROM \(table) LIMIT 1 OFFSET ?)",
                        arguments: [value, Int(bytes[2])])
                }
            }
            try db.close()
        } catch {
            fatalError("cannot edit the backup copy: \(error)")
        }
        guard let backup = try? Store(path: path, mode: .readOnly), (try? backup.integrityCheck()) == "ok",
            (try? backup.unfaithfulValue()) == .some(nil)
        else { return }
        let json = "\(scratch)/backup.json"
        try? FileManager.default.removeItem(atPath: json)
        guard let target = try? Destination(json, replacing: false, keeping: []),
            (try? target.write({ fd in _ = try ExportDocument.stream(from: backup) { try target.write($0, to: fd) } }))
                != nil,
            let export = try? ExportFile.open(path: json)
        else { return }
        guard let store = try? Store(path: restored, mode: .create) else { fatalError("cannot create \(restored)") }
        guard (try? export.restore(into: store)) != nil else { return }
        let verdict = try? store.integrityCheck()
        precondition(verdict == "ok", "restoring a backup left the store unsound: \(verdict ?? "no answer")")
        let before = try? ExportDocument.make(from: backup).json()
        let after = try? ExportDocument.make(from: store).json()
        precondition(before != nil && before == after, "a backup restored to another export")
    }
}

import Foundation
import GRDB

extension PostgresStore {
    /// Every row of the team store, as it stood at one moment, into `db`: a file at the same
    /// schema version, whose tables have the same columns in the same order (a test holds
    /// the two schemas equal). A past day is rewound in such a copy, as a file's is in its own.
    func copy(into db: Database) throws {
        try snapshot { pg in
            let tables = try pg.column(
                """
                SELECT table_name::text FROM information_schema.tables
                WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
                """, [PostgresSchema.name], as: String.self)
            // Rows arrive table by table, whatever their references: checked once, at the end.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            // An index made once over all the rows is made in order; kept while they arrive,
            // it is updated all over for each one (twice the time of the whole copy).
            let indexes = try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            for name in try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            {
                try db.execute(sql: "DROP INDEX \(name)")
            }
            for table in tables {
                try copy(table, from: pg, into: db)
            }
            for index in indexes {
                try db.execute(sql: index)
            }
        }
    }

    /// One table, read through a cursor so that half a million tasks never sit in memory at once.
    private func copy(_ table: String, from pg: PostgresConnection, into db: Database) throws {
        try pg.execute("DECLARE copying NO SCROLL CURSOR FOR SELECT * FROM \(table)")
        while true {
            let rows = try pg.execute("FETCH 5000 FROM copying")
            if rows.count == 0 { break }
            let marks = Array(repeating: "?", count: rows.columns).joined(separator: ", ")
            // The new file's own first rows (its id counter) give way to the store's.
            let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(table) VALUES (\(marks))")
            for index in 0..<rows.count {
                var row = BoundRow(insert)
                for column in 0..<rows.columns {
                    try rows.bind(index, column, into: &row)
                }
                try row.run()
            }
        }
        try pg.execute("CLOSE copying")
    }
}

import GRDB
import GoliveDomain

/// The schema, only ever changed by appending a named migration. SQLite itself guards
/// the invariants: lanes, statuses per lane, reasons where a status needs one, non-negative
/// money and SLAs, and references between rows.
enum Schema {
    /// `PRAGMA application_id` of a golive store ("golv"): tells our files from other SQLite files.
    static let applicationID: Int32 = 0x676F_6C76

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            let segments = Segment.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
            let lanes = Lane.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
            func statuses(_ lane: Lane) -> String {
                TaskStatus.allowed(in: lane).map { "'\($0.rawValue)'" }.joined(separator: ",")
            }
            let milestones = Milestone.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
            try db.execute(
                sql: """
                    PRAGMA application_id = \(applicationID);
                    CREATE TABLE counters (
                        name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                    INSERT INTO counters VALUES ('next_id', 1);
                    CREATE TABLE playbooks (
                        name TEXT PRIMARY KEY NOT NULL CHECK (name <> ''),
                        title TEXT NOT NULL,
                        amber_window_days INTEGER NOT NULL CHECK (amber_window_days >= 0),
                        no_activity_days INTEGER NOT NULL CHECK (no_activity_days >= 0),
                        customer_overdue_days INTEGER NOT NULL CHECK (customer_overdue_days >= 0),
                        approval_pending_days INTEGER NOT NULL CHECK (approval_pending_days >= 0),
                        customer_wait_days INTEGER NOT NULL CHECK (customer_wait_days >= 0));
                    CREATE TABLE accounts (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE CHECK (name <> ''),
                        segment TEXT NOT NULL CHECK (segment IN (\(segments))),
                        arr INTEGER NOT NULL CHECK (arr >= 0),
                        csm TEXT NOT NULL CHECK (csm <> ''),
                        sales_owner TEXT NOT NULL,
                        contract_signed TEXT NOT NULL,
                        target_go_live TEXT NOT NULL,
                        playbook TEXT NOT NULL REFERENCES playbooks(name),
                        handoff TEXT NOT NULL DEFAULT '{}',
                        escalation_reason TEXT, escalated_by TEXT, escalated_on TEXT,
                        completed_on TEXT,
                        last_activity TEXT NOT NULL,
                        stage_index INTEGER NOT NULL CHECK (stage_index >= 0),
                        version INTEGER NOT NULL DEFAULT 1,
                        CHECK ((escalation_reason IS NULL) = (escalated_by IS NULL)));
                    CREATE INDEX accounts_csm ON accounts(csm);
                    CREATE TABLE stages (
                        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        key TEXT NOT NULL, name TEXT NOT NULL,
                        sla_days INTEGER NOT NULL CHECK (sla_days >= 0),
                        entered_on TEXT, left_on TEXT, override_reason TEXT,
                        PRIMARY KEY (account_id, ordinal)) WITHOUT ROWID;
                    CREATE TABLE checkpoints (
                        id INTEGER PRIMARY KEY,
                        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                        key TEXT NOT NULL, name TEXT NOT NULL, stage TEXT NOT NULL,
                        due TEXT NOT NULL,
                        customer_confirms INTEGER NOT NULL CHECK (customer_confirms IN (0, 1)),
                        milestone TEXT CHECK (milestone IN (\(milestones))),
                        achieved_on TEXT, confirmed_by TEXT,
                        version INTEGER NOT NULL DEFAULT 1,
                        CHECK (NOT customer_confirms OR achieved_on IS NULL OR confirmed_by IS NOT NULL));
                    CREATE INDEX checkpoints_account ON checkpoints(account_id);
                    CREATE TABLE tasks (
                        id INTEGER PRIMARY KEY,
                        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                        title TEXT NOT NULL CHECK (title <> ''),
                        lane TEXT NOT NULL CHECK (lane IN (\(lanes))),
                        owner TEXT NOT NULL CHECK (owner <> ''),
                        due TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (
                            (lane = 'approval' AND status IN (\(statuses(.approval))))
                            OR (lane <> 'approval' AND status IN (\(statuses(.internal)))))
                        , reason TEXT CHECK (status NOT IN ('blocked', 'skipped', 'rejected') OR reason IS NOT NULL),
                        status_since TEXT NOT NULL,
                        finished_on TEXT,
                        checkpoint_id INTEGER REFERENCES checkpoints(id) ON DELETE SET NULL,
                        version INTEGER NOT NULL DEFAULT 1);
                    CREATE INDEX tasks_account ON tasks(account_id);
                    CREATE INDEX tasks_open_due ON tasks(due) WHERE status NOT IN ('done', 'skipped', 'approved');
                    CREATE TABLE task_dependencies (
                        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                        depends_on INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                        PRIMARY KEY (task_id, depends_on),
                        CHECK (task_id <> depends_on)) WITHOUT ROWID;
                    CREATE TABLE touchpoints (
                        id INTEGER PRIMARY KEY,
                        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                        on_day TEXT NOT NULL, audience TEXT NOT NULL, channel TEXT NOT NULL, objective TEXT NOT NULL);
                    CREATE INDEX touchpoints_account ON touchpoints(account_id);
                    CREATE TABLE events (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at TEXT NOT NULL,
                        who TEXT NOT NULL,
                        account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
                        task_id INTEGER, checkpoint_id INTEGER,
                        kind TEXT NOT NULL CHECK (kind <> ''),
                        before TEXT, after TEXT, detail TEXT);
                    CREATE INDEX events_account ON events(account_id, id);
                    """)
        }
        // The board's facts per account (filled after the migrations, in their latest shape).
        m.registerMigration("v2") { db in
            try db.execute(sql: FactsRows.createTable)
            // Open tasks by due date carry what the overdue report and the agenda show, so
            // neither reads the tasks table itself.
            try db.execute(
                sql: """
                    DROP INDEX tasks_open_due;
                    CREATE INDEX tasks_open_due ON tasks(due, account_id, lane, status, title, owner)
                      WHERE status NOT IN ('done', 'skipped', 'approved');
                    """)
            // The review marks read at every start look only at reviews.
            try db.execute(
                sql: "CREATE INDEX events_reviewed ON events(account_id, id) WHERE kind = 'account.reviewed'")
        }
        // The day go-live was achieved, for the board's GO-LIVE column: set from the
        // checkpoints in one statement (a day number counts days from 1970-01-01). Accounts
        // without facts (a store from before "v2") are marked in "v6" and get theirs whole
        // once the table has its latest shape.
        m.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    ALTER TABLE account_facts ADD COLUMN go_live_achieved INTEGER;
                    UPDATE account_facts SET go_live_achieved = (
                      SELECT CAST(julianday(c.achieved_on) - julianday('1970-01-01') AS INTEGER) FROM checkpoints c
                      WHERE c.account_id = account_facts.account_id AND c.milestone = 'go_live'
                        AND c.achieved_on IS NOT NULL);
                    """)
        }
        // Who an escalation went to (a level or a person).
        m.registerMigration("v4") { db in
            try db.execute(sql: "ALTER TABLE accounts ADD COLUMN escalated_to TEXT")
        }
        // The ball follows the work: a rejected approval, or customer work waiting on ours,
        // puts it in our court. "v5" rewrote the stage court alone; "v6" also keeps the
        // customer tasks waiting on us apart, and rewrites the same accounts, so "v5" is
        // left with nothing to do.
        m.registerMigration("v5") { _ in }
        m.registerMigration("v6") { db in
            try db.execute(sql: "ALTER TABLE account_facts ADD COLUMN customer_due_waiting_on_us INTEGER")
            // Only accounts with such tasks can have different facts (and those without any).
            // They are marked, not rewritten here: a later migration may still add columns
            // that writing facts needs (`refreshStaleFacts` runs after the last one).
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS facts_stale (account_id INTEGER PRIMARY KEY);
                    INSERT OR IGNORE INTO facts_stale
                    SELECT id FROM accounts WHERE id NOT IN (SELECT account_id FROM account_facts)
                    UNION
                    SELECT account_id FROM tasks WHERE status = 'rejected'
                    UNION
                    SELECT t.account_id FROM tasks t
                    JOIN task_dependencies d ON d.task_id = t.id JOIN tasks o ON o.id = d.depends_on
                    WHERE t.lane = 'customer' AND o.lane <> 'customer'
                      AND t.status NOT IN ('done', 'skipped', 'approved')
                      AND o.status NOT IN ('done', 'skipped', 'approved');
                    """)
        }
        // Holds: the account's list (JSON, as the handoff), and on the board's facts since
        // when and until when. No store had a hold before, so no facts change.
        m.registerMigration("v7") { db in
            try db.execute(
                sql: """
                    ALTER TABLE accounts ADD COLUMN holds TEXT NOT NULL DEFAULT '[]';
                    ALTER TABLE account_facts ADD COLUMN held_since INTEGER;
                    ALTER TABLE account_facts ADD COLUMN hold_resume INTEGER;
                    """)
        }
        // Re-planning: each checkpoint's and the go-live's first plan and moves, and the
        // checkpoints forecast late (an open task due after them), which only accounts
        // with such a task can have: their facts are written again.
        m.registerMigration("v8") { db in
            try db.execute(
                sql: """
                    ALTER TABLE checkpoints ADD COLUMN baseline TEXT;
                    ALTER TABLE checkpoints ADD COLUMN moves INTEGER NOT NULL DEFAULT 0 CHECK (moves >= 0);
                    ALTER TABLE accounts ADD COLUMN go_live_baseline TEXT;
                    ALTER TABLE accounts ADD COLUMN go_live_moves INTEGER NOT NULL DEFAULT 0 CHECK (go_live_moves >= 0);
                    ALTER TABLE account_facts ADD COLUMN go_live_baseline INTEGER;
                    ALTER TABLE account_facts ADD COLUMN go_live_moves INTEGER NOT NULL DEFAULT 0;
                    CREATE TABLE IF NOT EXISTS facts_stale (account_id INTEGER PRIMARY KEY);
                    INSERT OR IGNORE INTO facts_stale
                    SELECT t.account_id FROM tasks t JOIN checkpoints c ON c.id = t.checkpoint_id
                    WHERE c.achieved_on IS NULL AND t.due > c.due
                      AND t.status NOT IN ('done', 'skipped', 'approved');
                    """)
        }
        // Touchpoints held or missed. Those dated before this upgrade are "unrecorded":
        // nobody will say now what became of them, and no account should turn amber for
        // that. The board's facts gain the earliest still planned, set in one statement.
        m.registerMigration("v9") { db in
            try db.execute(
                sql: """
                    ALTER TABLE touchpoints ADD COLUMN state TEXT CHECK (state IN ('held', 'missed', 'unrecorded'));
                    ALTER TABLE touchpoints ADD COLUMN outcome TEXT;
                    ALTER TABLE touchpoints ADD COLUMN marked_on TEXT;
                    UPDATE touchpoints SET state = 'unrecorded' WHERE on_day < date('now');
                    ALTER TABLE account_facts ADD COLUMN earliest_planned_touchpoint INTEGER;
                    UPDATE account_facts SET earliest_planned_touchpoint = (
                      SELECT CAST(julianday(MIN(p.on_day)) - julianday('1970-01-01') AS INTEGER) FROM touchpoints p
                      WHERE p.account_id = account_facts.account_id AND p.state IS NULL);
                    """)
        }
        // An incomplete handoff record is a reason while the account is in Handoff: the
        // accounts there get their facts written again.
        m.registerMigration("v10") { db in
            try db.execute(
                sql: """
                    ALTER TABLE account_facts ADD COLUMN handoff_incomplete INTEGER NOT NULL DEFAULT 0;
                    CREATE TABLE IF NOT EXISTS facts_stale (account_id INTEGER PRIMARY KEY);
                    INSERT OR IGNORE INTO facts_stale
                    SELECT a.id FROM accounts a JOIN stages s ON s.account_id = a.id AND s.ordinal = a.stage_index
                    WHERE s.key = 'handoff' AND a.completed_on IS NULL;
                    """)
        }
        // What each change replaced, so the portfolio can be shown as it stood on a past
        // day. Older events have none: history before this upgrade cannot be rewound.
        m.registerMigration("v11") { db in
            // By time too: is there anything after a day, what changed since one.
            try db.execute(
                sql: """
                    ALTER TABLE events ADD COLUMN prior TEXT;
                    CREATE INDEX events_at ON events(at);
                    """)
        }
        // What the metrics need of each account, kept beside the board's facts: every
        // account's facts are written again. The escalation events get an index of their own.
        m.registerMigration("v12") { db in
            try db.execute(
                sql: """
                    ALTER TABLE account_facts ADD COLUMN metric_facts BLOB;
                    CREATE TABLE IF NOT EXISTS facts_stale (account_id INTEGER PRIMARY KEY);
                    INSERT OR IGNORE INTO facts_stale SELECT id FROM accounts;
                    CREATE INDEX events_escalations ON events(account_id, id, kind, at)
                      WHERE kind IN ('account.escalated', 'account.deescalated');
                    """)
        }
        // What the rules read of each account (its unfinished work), kept packed beside the
        // board's facts for the portfolio and stalled reports: every account's facts are
        // written again.
        m.registerMigration("v13") { db in
            try db.execute(
                sql: """
                    ALTER TABLE account_facts ADD COLUMN rule_view BLOB;
                    CREATE TABLE IF NOT EXISTS facts_stale (account_id INTEGER PRIMARY KEY);
                    INSERT OR IGNORE INTO facts_stale SELECT id FROM accounts;
                    """)
        }
        // The rule views move to a table of their own: at 3 KB each beside the board's
        // 300-byte facts they left one account per page, and every start of the board read
        // 40 MB of pages to get 3 MB of facts.
        m.registerMigration("v14") { db in
            try db.execute(
                sql: RuleViewRows.createTable + """
                    INSERT INTO account_rule_views SELECT account_id, rule_view FROM account_facts
                    WHERE rule_view IS NOT NULL;
                    ALTER TABLE account_facts DROP COLUMN rule_view;
                    """)
        }
        // Deleting a task made SQLite look through every dependency for ones on it, and
        // deleting a checkpoint through every task (the foreign keys' other side had no
        // index): taking back an added task cost 30 ms at 10,000 accounts, taking back an
        // imported account half a second — and showing a past day takes back many.
        m.registerMigration("v15") { db in
            try db.execute(
                sql: """
                    CREATE INDEX task_dependencies_depends_on ON task_dependencies(depends_on);
                    CREATE INDEX tasks_checkpoint ON tasks(checkpoint_id);
                    """)
        }
        // A list of more than two words after IN made SQLite build a temporary table for it
        // at every row written — the tasks' lane, status and reason checks and the open-task
        // index's condition, each time a task was inserted — and free it after: importing
        // 1,000 accounts into a 10,000-account store took 3.5 s, most of it the kernel
        // handing memory out and taking it back. The same conditions as comparisons joined
        // by OR (or AND) take 0.7 s. The checks are rewritten in the stored schema (SQLite's
        // documented way to change a CHECK: the rows and the file format do not change, and
        // every row satisfies the new one as it did the old); the index is built again.
        m.registerMigration("v16") { db in
            try Schema.rewriteChecks(db)
            try db.execute(
                sql: """
                    DROP INDEX tasks_open_due;
                    CREATE INDEX tasks_open_due ON tasks(due, account_id, lane, status, title, owner)
                      WHERE \(Schema.openTask("status"));
                    """)
        }
        // The completed accounts' ids, for counting the agenda's items without reading every
        // account's row: the open tasks of active accounts counted through the open-task
        // index alone took 0.3 s at 100,000 accounts where joining the accounts took 0.5.
        m.registerMigration("v17") { db in
            try db.execute(sql: "CREATE INDEX accounts_completed ON accounts(id) WHERE completed_on IS NOT NULL")
        }
        // Each user's reviews by time, for "since my last review": without it SQLite walked
        // the index of every event's time from the newest back looking for one, and a user
        // who never reviewed (or reviewed long ago) waited for all of them — 8 to 12 s at
        // 100,000 accounts, on every opening of the Changes screen.
        m.registerMigration("v18") { db in
            try db.execute(sql: "CREATE INDEX events_reviews_by ON events(who, at) WHERE kind = 'account.reviewed'")
        }
        // The board's facts carry each checkpoint's forecast through what its work waits on
        // and the stages before it (PRODUCT.md's schedule): every account's facts are
        // written again.
        m.registerMigration("v19") { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS facts_stale (account_id INTEGER PRIMARY KEY);
                    INSERT OR IGNORE INTO facts_stale SELECT id FROM accounts;
                    """)
        }
        // Whose court the ball is in comes from the schedule, day by day, instead of the
        // current stage's tasks; the facts mark the go-live checkpoint for its forecast.
        m.registerMigration("v20") { db in
            try db.execute(
                sql: """
                    ALTER TABLE account_facts RENAME COLUMN stage_court TO ball_in_court;
                    CREATE TABLE IF NOT EXISTS facts_stale (account_id INTEGER PRIMARY KEY);
                    INSERT OR IGNORE INTO facts_stale SELECT id FROM accounts;
                    """)
        }
        return m
    }

    /// Whether a task is unfinished, as the open-task index states it: a query must say it
    /// in these same terms for SQLite to use that index.
    static func openTask(_ status: String) -> String {
        "\(status) <> 'done' AND \(status) <> 'skipped' AND \(status) <> 'approved'"
    }

    /// Each CHECK's list after IN, as v16 writes it instead, by table.
    static let checksWithoutLists: [String: [(String, String)]] = [
        "accounts": [
            (
                "CHECK (segment IN ('enterprise','mid-market','smb'))",
                "CHECK (segment = 'enterprise' OR segment = 'mid-market' OR segment = 'smb')"
            )
        ],
        "tasks": [
            (
                "CHECK (lane IN ('internal','customer','approval'))",
                "CHECK (lane = 'internal' OR lane = 'customer' OR lane = 'approval')"
            ),
            (
                "status IN ('pending','approved','rejected')",
                "(status = 'pending' OR status = 'approved' OR status = 'rejected')"
            ),
            (
                "status IN ('open','in_progress','waiting','blocked','done','skipped')",
                "(status = 'open' OR status = 'in_progress' OR status = 'waiting' OR status = 'blocked' "
                    + "OR status = 'done' OR status = 'skipped')"
            ),
            (
                "CHECK (status NOT IN ('blocked', 'skipped', 'rejected') OR reason IS NOT NULL)",
                "CHECK ((status <> 'blocked' AND status <> 'skipped' AND status <> 'rejected') OR reason IS NOT NULL)"
            ),
        ],
        "touchpoints": [
            (
                "CHECK (state IN ('held', 'missed', 'unrecorded'))",
                "CHECK (state = 'held' OR state = 'missed' OR state = 'unrecorded')"
            )
        ],
    ]

    /// Rewrites the tables' CHECKs in the stored schema (`checksWithoutLists`), as SQLite's
    /// documentation allows for a CHECK every row already satisfies: the schema version
    /// moves on so every connection reads the schema again. A text not found (a schema
    /// edited by hand) is left as it is: still right, only slower.
    static func rewriteChecks(_ db: Database) throws {
        var changed: [(name: String, sql: String)] = []
        for (table, swaps) in checksWithoutLists.sorted(by: { $0.key < $1.key }) {
            guard
                var sql = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", arguments: [table])
            else { continue }
            let before = sql
            for (old, new) in swaps { sql = sql.replacingOccurrences(of: old, with: new) }
            if sql != before { changed.append((table, sql)) }
        }
        guard !changed.isEmpty else { return }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        for c in changed {
            try db.execute(
                sql: "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?", arguments: [c.sql, c.name])
        }
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        db.clearSchemaCache()
    }

    /// Rewrites the facts of the accounts a migration marked, with the schema in its
    /// latest shape, in one transaction: a run cut short leaves the marks for the next open.
    static func refreshStaleFacts(_ db: Database) throws {
        guard try db.tableExists("facts_stale") else { return }
        let ids = try Int64.fetchAll(db, sql: "SELECT account_id FROM facts_stale")
        for start in stride(from: 0, to: ids.count, by: 2_000) {
            for a in try Rows.accounts(db, ids: Array(ids[start..<min(ids.count, start + 2_000)])) {
                try FactsRows.save(a, .sqlite(db))
            }
        }
        try db.execute(sql: "DROP TABLE facts_stale")
    }
}

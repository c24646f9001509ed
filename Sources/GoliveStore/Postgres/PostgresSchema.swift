import GoliveDomain

/// The team store's schema on PostgreSQL: the same tables, columns, checks and indexes as
/// the SQLite file's, in a schema of their own (`golive`) so a database a DBA hands out for
/// several programs holds ours apart. It records the same migration names as the file
/// (`v1`…): a store is at the same version whichever server holds it, and one with a name
/// this binary does not know was written by a newer golive.
enum PostgresSchema {
    static let name = "golive"

    /// Each step: the SQLite migrations it brings the store to, and its statements. A new
    /// SQLite migration gets its step here, under the same name.
    static let steps: [(migrations: [String], sql: String)] = [
        ((1...18).map { "v\($0)" }, shapeOfV18),
        // The facts carry each checkpoint's forecast terms: written again (`refreshFacts`).
        (["v19"], ""),
        // Whose court, day by day, and the go-live checkpoint marked: written again.
        (["v20"], "ALTER TABLE account_facts RENAME COLUMN stage_court TO ball_in_court;"),
    ]

    /// The steps after which every account's facts are written again, as SQLite's
    /// `facts_stale` does on a file.
    static let refreshingFacts: Set<String> = ["v19", "v20"]

    static var known: Set<String> { Set(steps.flatMap(\.migrations)) }

    /// Brings the store to this version's schema in one transaction, under a lock other
    /// golive processes opening it at the same moment wait on. Refuses a store with a
    /// migration this binary does not know; `mayWrite` false refuses one that would need
    /// creating or upgrading.
    static func migrate(_ db: PostgresConnection, mayWrite: Bool) throws {
        try db.transaction {
            if mayWrite {
                try db.execute("SELECT pg_advisory_xact_lock(hashtext('golive schema'))")
                try db.execute("CREATE SCHEMA IF NOT EXISTS \(name)")
                try db.execute("CREATE TABLE IF NOT EXISTS \(name).migrations (identifier text PRIMARY KEY)")
            }
            let done = try applied(db)
            let unknown = done.subtracting(known)
            if !unknown.isEmpty {
                throw StoreError(
                    "\(db.location) was written by a newer golive (its schema is ahead of this version, at "
                        + "\(unknown.sorted().joined(separator: ", "))): upgrade golive")
            }
            let missing = steps.filter { !Set($0.migrations).isSubset(of: done) }
            if missing.isEmpty { return }
            guard mayWrite else {
                if done.isEmpty {
                    throw StoreError(
                        "\(db.location) holds no golive store yet (`golive restore`, `seed` or `import` make one)")
                }
                throw StoreError("\(db.location) needs a schema upgrade, which a read-only open cannot do")
            }
            for step in missing {
                try db.execute("SET LOCAL search_path = \(name)")
                if !step.sql.isEmpty { try db.executeScript(step.sql) }
                for m in step.migrations {
                    try db.execute("INSERT INTO \(name).migrations VALUES ($1)", [.text(m)])
                }
            }
            // Once after every step, however many asked: a store made at this version has
            // no account yet, so nothing to write again.
            if !refreshingFacts.isDisjoint(with: missing.flatMap(\.migrations)) && !done.isEmpty {
                let source = StoreConnection.postgres(db)
                let ids = try source.column("SELECT id FROM accounts ORDER BY id", [], as: Int64.self)
                for start in stride(from: 0, to: ids.count, by: 2_000) {
                    for a in try Rows.accounts(source, ids: Array(ids[start..<min(ids.count, start + 2_000)])) {
                        try FactsRows.save(a, .postgres(db))
                    }
                }
            }
        }
    }

    /// Whether this role may change the store (or create it, in a database that has none):
    /// a viewer's role, granted only SELECT, opens it read-only rather than not at all.
    static func mayWrite(_ db: PostgresConnection) throws -> Bool {
        let events = "\(name).events"
        let stored = try db.execute("SELECT to_regclass($1) IS NOT NULL", [.text(events)]).int(0, 0) == 1
        let may =
            stored
            ? try db.execute("SELECT has_table_privilege($1::text, 'INSERT')", [.text(events)])
            : try db.execute("SELECT has_database_privilege(current_database(), 'CREATE')")
        return try may.int(0, 0) == 1
    }

    /// The migrations the store has had (none when golive never wrote to it).
    static func applied(_ db: PostgresConnection) throws -> Set<String> {
        let exists = try db.execute("SELECT to_regclass($1) IS NOT NULL", [.text("\(name).migrations")])
        guard try exists.int(0, 0) == 1 else { return [] }
        let rows = try db.execute("SELECT identifier FROM \(name).migrations")
        return Set(try (0..<rows.count).compactMap { try rows.text($0, 0) })
    }

    private static func words(_ values: [String]) -> String {
        values.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// The file's schema as its 18 migrations left it, in one go. Texts are compared as
    /// SQLite compares them, byte by byte (`COLLATE "C"`), whatever the server's locale: an
    /// order of names or of ISO days must not depend on which store a report read.
    static var shapeOfV18: String {
        let segments = words(Segment.allCases.map(\.rawValue))
        let lanes = words(Lane.allCases.map(\.rawValue))
        let approval = words(TaskStatus.allowed(in: .approval).map(\.rawValue))
        let internalStatuses = words(TaskStatus.allowed(in: .internal).map(\.rawValue))
        let milestones = words(Milestone.allCases.map(\.rawValue))
        let t = "text COLLATE \"C\""
        return """
            CREATE TABLE counters (name \(t) PRIMARY KEY, value bigint NOT NULL);
            INSERT INTO counters VALUES ('next_id', 1);
            CREATE TABLE playbooks (
                name \(t) PRIMARY KEY CHECK (name <> ''),
                title \(t) NOT NULL,
                amber_window_days integer NOT NULL CHECK (amber_window_days >= 0),
                no_activity_days integer NOT NULL CHECK (no_activity_days >= 0),
                customer_overdue_days integer NOT NULL CHECK (customer_overdue_days >= 0),
                approval_pending_days integer NOT NULL CHECK (approval_pending_days >= 0),
                customer_wait_days integer NOT NULL CHECK (customer_wait_days >= 0));
            CREATE TABLE accounts (
                id bigint PRIMARY KEY,
                name \(t) NOT NULL UNIQUE CHECK (name <> ''),
                segment \(t) NOT NULL CHECK (segment IN (\(segments))),
                arr bigint NOT NULL CHECK (arr >= 0),
                csm \(t) NOT NULL CHECK (csm <> ''),
                sales_owner \(t) NOT NULL,
                contract_signed \(t) NOT NULL,
                target_go_live \(t) NOT NULL,
                playbook \(t) NOT NULL REFERENCES playbooks(name),
                handoff \(t) NOT NULL DEFAULT '{}',
                escalation_reason \(t), escalated_by \(t), escalated_on \(t),
                completed_on \(t),
                last_activity \(t) NOT NULL,
                stage_index integer NOT NULL CHECK (stage_index >= 0),
                version bigint NOT NULL DEFAULT 1,
                escalated_to \(t),
                holds \(t) NOT NULL DEFAULT '[]',
                go_live_baseline \(t),
                go_live_moves integer NOT NULL DEFAULT 0 CHECK (go_live_moves >= 0),
                CHECK ((escalation_reason IS NULL) = (escalated_by IS NULL)));
            CREATE INDEX accounts_csm ON accounts(csm);
            CREATE INDEX accounts_completed ON accounts(id) WHERE completed_on IS NOT NULL;
            CREATE TABLE stages (
                account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                ordinal integer NOT NULL CHECK (ordinal >= 0),
                key \(t) NOT NULL, name \(t) NOT NULL,
                sla_days integer NOT NULL CHECK (sla_days >= 0),
                entered_on \(t), left_on \(t), override_reason \(t),
                PRIMARY KEY (account_id, ordinal));
            CREATE TABLE checkpoints (
                id bigint PRIMARY KEY,
                account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                key \(t) NOT NULL, name \(t) NOT NULL, stage \(t) NOT NULL,
                due \(t) NOT NULL,
                customer_confirms integer NOT NULL CHECK (customer_confirms IN (0, 1)),
                milestone \(t) CHECK (milestone IN (\(milestones))),
                achieved_on \(t), confirmed_by \(t),
                version bigint NOT NULL DEFAULT 1,
                baseline \(t),
                moves integer NOT NULL DEFAULT 0 CHECK (moves >= 0),
                CHECK (customer_confirms = 0 OR achieved_on IS NULL OR confirmed_by IS NOT NULL));
            CREATE INDEX checkpoints_account ON checkpoints(account_id);
            CREATE TABLE tasks (
                id bigint PRIMARY KEY,
                account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                title \(t) NOT NULL CHECK (title <> ''),
                lane \(t) NOT NULL CHECK (lane IN (\(lanes))),
                owner \(t) NOT NULL CHECK (owner <> ''),
                due \(t) NOT NULL,
                status \(t) NOT NULL CHECK (
                    (lane = 'approval' AND status IN (\(approval)))
                    OR (lane <> 'approval' AND status IN (\(internalStatuses)))),
                reason \(t) CHECK (status NOT IN ('blocked', 'skipped', 'rejected') OR reason IS NOT NULL),
                status_since \(t) NOT NULL,
                finished_on \(t),
                checkpoint_id bigint REFERENCES checkpoints(id) ON DELETE SET NULL,
                version bigint NOT NULL DEFAULT 1);
            CREATE INDEX tasks_account ON tasks(account_id);
            CREATE INDEX tasks_checkpoint ON tasks(checkpoint_id);
            CREATE INDEX tasks_open_due ON tasks(due, account_id, lane, status, title, owner)
              WHERE status NOT IN ('done', 'skipped', 'approved');
            CREATE TABLE task_dependencies (
                task_id bigint NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                depends_on bigint NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                PRIMARY KEY (task_id, depends_on),
                CHECK (task_id <> depends_on));
            CREATE INDEX task_dependencies_depends_on ON task_dependencies(depends_on);
            CREATE TABLE touchpoints (
                id bigint PRIMARY KEY,
                account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                on_day \(t) NOT NULL, audience \(t) NOT NULL, channel \(t) NOT NULL, objective \(t) NOT NULL,
                state \(t) CHECK (state IN ('held', 'missed', 'unrecorded')),
                outcome \(t),
                marked_on \(t));
            CREATE INDEX touchpoints_account ON touchpoints(account_id);
            CREATE TABLE events (
                id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                at \(t) NOT NULL,
                who \(t) NOT NULL,
                account_id bigint REFERENCES accounts(id) ON DELETE CASCADE,
                task_id bigint, checkpoint_id bigint,
                kind \(t) NOT NULL CHECK (kind <> ''),
                before \(t), after \(t), detail \(t),
                prior bytea);
            CREATE INDEX events_account ON events(account_id, id);
            CREATE INDEX events_reviewed ON events(account_id, id) WHERE kind = 'account.reviewed';
            CREATE INDEX events_at ON events(at);
            CREATE INDEX events_escalations ON events(account_id, id, kind, at)
              WHERE kind IN ('account.escalated', 'account.deescalated');
            CREATE INDEX events_reviews_by ON events(who, at) WHERE kind = 'account.reviewed';
            CREATE TABLE account_facts (
                account_id bigint PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
                name \(t) NOT NULL, segment \(t) NOT NULL, arr bigint NOT NULL, csm \(t) NOT NULL,
                version bigint NOT NULL, playbook \(t) NOT NULL,
                contract_signed integer NOT NULL, completed_on integer, last_activity integer NOT NULL,
                escalated integer NOT NULL,
                go_live integer NOT NULL,
                stage_name \(t) NOT NULL, stage_sla_days integer NOT NULL,
                stage_entered_on integer, stage_left_on integer, stage_court \(t) NOT NULL,
                next_title \(t), next_due integer,
                earliest_customer_due integer, longest_approval_pending_since integer,
                checkpoints bytea NOT NULL,
                go_live_achieved integer,
                customer_due_waiting_on_us integer,
                held_since integer,
                hold_resume integer,
                go_live_baseline integer,
                go_live_moves integer NOT NULL DEFAULT 0,
                earliest_planned_touchpoint integer,
                handoff_incomplete integer NOT NULL DEFAULT 0,
                metric_facts bytea);
            CREATE TABLE account_rule_views (
                account_id bigint PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
                rule_view bytea NOT NULL);
            """
    }
}

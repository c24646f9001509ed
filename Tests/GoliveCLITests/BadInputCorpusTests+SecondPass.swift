import Foundation

extension BadInputCorpusTests {
    static let hugeOffset = """
        name: p
        stages:
          - {key: setup, name: Setup, sla: 5}
        checkpoints:
          - {key: c, name: C, stage: setup, due: 9223372036854775807}

        """

    /// The second hostile pass: every class of its findings, each a case.
    static let secondPass: [Case] = [
        .init(
            name: "csv: ARR of 2^63-1", args: ["import", "{corpus}/csv-arr-int-max.csv", "--store", "{store}"],
            message:
                "csv-arr-int-max.csv:2: column 'ARR': ARR 9223372036854775807 is more than golive takes (1000000000000)"
        ),
        .init(
            name: "csv: ARR past Int64", args: ["import", "{corpus}/csv-arr-overflow.csv", "--store", "{store}"],
            message: "csv-arr-overflow.csv:2: column 'ARR': '99999999999999999999' is not an amount"),
        .init(
            name: "csv: ARR 1.2.3", args: ["import", "{corpus}/csv-arr-dots.csv", "--store", "{store}"],
            message: "csv-arr-dots.csv:2: column 'ARR': '1.2.3' is not an amount"),
        .init(
            name: "csv: ARR with mixed separators",
            args: ["import", "{corpus}/csv-arr-mixed-separators.csv", "--store", "{store}"],
            message: "'1,000.000' is not an amount"),
        .init(
            name: "csv: ARR with a plus", args: ["import", "{corpus}/csv-arr-plus.csv", "--store", "{store}"],
            message: "'+5' is not an amount"),
        .init(
            name: "csv: ARR in exponent form", args: ["import", "{corpus}/csv-arr-exponent.csv", "--store", "{store}"],
            message: "'1e6' is not an amount"),
        .init(
            name: "csv: year 0000", args: ["import", "{corpus}/csv-year-0000.csv", "--store", "{store}"],
            message:
                "csv-year-0000.csv:2: column 'Contract Signed': 0000-01-01 is outside the dates golive takes"
        ),
        .init(
            name: "csv: year 9999", args: ["import", "{corpus}/csv-year-9999.csv", "--store", "{store}"],
            message: "9999-12-31 is outside the dates golive takes"),
        .init(
            name: "csv: a 1900 contract", args: ["import", "{corpus}/csv-year-1900.csv", "--store", "{store}"],
            message: "1900-06-01 is outside the dates golive takes"),
        .init(
            name: "csv: go-live in 9999", args: ["import", "{corpus}/csv-golive-9999.csv", "--store", "{store}"],
            message: "column 'Target Go-Live': 9999-01-01 is outside the dates"),
        .init(
            name: "csv: a malformed time part", args: ["import", "{corpus}/csv-bad-time.csv", "--store", "{store}"],
            message: "'2026-01-15Tgarbage' is not a date"),
        .init(
            name: "csv: hour 25", args: ["import", "{corpus}/csv-bad-hour.csv", "--store", "{store}"],
            message: "'2026-01-15T25:00:00Z' is not a date"),
        .init(
            name: "csv: NUL in a name", args: ["import", "{corpus}/csv-nul-name.csv", "--store", "{store}"],
            message: "csv-nul-name.csv:2: column 'Account Name': contains a control character (such as NUL or ESC)"),
        .init(
            name: "csv: ESC in a CSM", args: ["import", "{corpus}/csv-esc-csm.csv", "--store", "{store}"],
            message: "column 'CSM': contains a control character"),
        .init(
            name: "csv: a bidi override in a name",
            args: ["import", "{corpus}/csv-bidi-name.csv", "--store", "{store}"],
            message: "column 'Account Name': contains a control character"),
        .init(
            name: "csv: a column twice", args: ["import", "{corpus}/csv-duplicate-header.csv", "--store", "{store}"],
            message: "csv-duplicate-header.csv:1: column 'ARR' appears twice (columns 4 and 6)"),
        .init(
            name: "csv: two columns for ARR",
            args: ["import", "{corpus}/csv-two-arr-columns.csv", "--store", "{store}"],
            message: "columns 'ARR' and 'Amount' both give the ARR"),
        .init(
            name: "csv: a date that reads two ways",
            args: ["import", "{corpus}/csv-ambiguous-date.csv", "--store", "{store}"],
            message: "'3/4/2026' could be 4 March or 3 April"),
        .init(
            name: "csv: dates written both ways",
            args: ["import", "{corpus}/csv-mixed-date-order.csv", "--store", "{store}"],
            message: "csv-mixed-date-order.csv:3: dates are written month first"),
        .init(
            name: "csv: a CSM of 300 characters", args: ["import", "{corpus}/csv-long-csm.csv", "--store", "{store}"],
            message: "column 'CSM': longer than 200 characters"),
        .init(
            name: "playbook: an offset of 2^63-1", args: ["playbook", "check", "{corpus}/playbook-huge-offset.yaml"],
            store: .none,
            message:
                "playbook-huge-offset.yaml:5: checkpoints[0].due must be from -3650 to 3650 (got 9223372036854775807)"),
        .init(
            name: "playbook: an SLA of 99999 days", args: ["playbook", "check", "{corpus}/playbook-huge-sla.yaml"],
            store: .none, message: "stages[0].sla must be from -3650 to 3650 (got 99999)"),
        .init(
            name: "playbook: a threshold of 1000 days",
            args: ["playbook", "check", "{corpus}/playbook-huge-threshold.yaml"], store: .none,
            message: "thresholds.no_activity_days must be from 0 to 365 (got 1000)"),
        .init(
            name: "playbook: a touchpoint 100000 days out",
            args: ["playbook", "check", "{corpus}/playbook-touchpoint-day.yaml"], store: .none,
            message: "touchpoints[0].day must be from -3650 to 3650"),
        .init(
            name: "playbook: an SLA of 2.5 days",
            args: ["playbook", "check", "{corpus}/playbook-offset-not-whole.yaml"], store: .none,
            message: "stages[0].sla must be a whole number"),
        .init(
            name: "playbook: a huge offset among the user's playbooks stops an import",
            args: ["import", "{tmp}/good.csv", "--store", "{tmp}/new.sqlite", "--playbook", "p"], store: .none,
            message: "p.yaml:5: checkpoints[0].due must be from",
            files: [
                "config/golive/playbooks/p.yaml":
                    hugeOffset,
                "good.csv": "Account Name,CSM,Segment,ARR,Contract Signed\nAcme,Ana,smb,5,2026-01-02\n",
            ]),
        .init(
            name: "theme: #12345", args: ["theme", "check", "{corpus}/theme-short-hex.yaml"], store: .none,
            message: "theme-short-hex.yaml:3: palette.brand: '#12345' is not a colour"),
        .init(
            name: "theme: #-12345", args: ["theme", "check", "{corpus}/theme-signed-hex.yaml"], store: .none,
            message: "'#-12345' is not a colour"),
        .init(
            name: "theme: +12", args: ["theme", "check", "{corpus}/theme-plus-index.yaml"], store: .none,
            message: "'+12' is not a colour"),
        .init(
            name: "theme: colour 256", args: ["theme", "check", "{corpus}/theme-index-256.yaml"], store: .none,
            message: "'256' is not a colour"),
        .init(
            name: "theme: not YAML, never echoed", args: ["theme", "check", "{corpus}/theme-not-yaml.yaml"],
            store: .none, message: "theme-not-yaml.yaml: not a YAML file (control characters are not allowed)"),
        .init(
            name: "theme: a file of secrets as the board's theme",
            args: ["--store", "{store}", "--theme", "{corpus}/theme-not-yaml.yaml"], message: "not a YAML file"),
        .init(
            name: "keys: Ctrl-M is Enter", args: ["--store", "{store}"],
            message: "keys.yaml:1: key 'Enter' is bound to both open and filter",
            files: ["config/golive/keys.yaml": "filter: Ctrl-M\n"]),
        .init(
            name: "keys: Ctrl-[ is Esc", args: ["--store", "{store}"],
            message: "keys.yaml:1: key 'Esc' is bound to both help and dismiss",
            files: ["config/golive/keys.yaml": "help: Ctrl-[\n"]),
        .init(
            name: "restore: a negative ARR", args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"arr\" : [0-9]+", "\"arr\" : -5"),
            message: "bad.json: accounts[0].arr: cannot be negative (-5)"),
        .init(
            name: "restore: an ARR of 2^63-1", args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"arr\" : [0-9]+", "\"arr\" : 9223372036854775807"),
            message: "accounts[0].arr: 9223372036854775807 is more than golive takes"),
        .init(
            name: "restore: go-live before the contract",
            args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"target_go_live\" : \"[0-9-]+\"", "\"target_go_live\" : \"2001-01-01\""),
            message: "is before the contract was signed"),
        .init(
            name: "restore: a contract in 1900", args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"contract_signed\" : \"[0-9-]+\"", "\"contract_signed\" : \"1900-01-01\""),
            message: "1900-01-01 is outside the dates golive takes"),
        .init(
            name: "restore: NUL in a CSM", args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"csm\" : \"[^\"]+\"", "\"csm\" : \"Ana\\u0000\""),
            message: "accounts[0].csm: contains a control character"),
        .init(
            name: "restore: an empty CSM", args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"csm\" : \"[^\"]+\"", "\"csm\" : \" \""), message: "accounts[0].csm: is empty"),
        .init(
            name: "restore: an event about a task that never was",
            args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"task_id\" : [0-9]+", "\"task_id\" : 987654"),
            message: "task_id: task 987654 is not on account"),
        .init(
            name: "restore: an event at no time", args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"at\" : \"[^\"]+\"", "\"at\" : \"yesterday\""),
            message: "events[0].at: 'yesterday' is not a time"),
        .init(
            name: "restore: an unknown status", args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"status\" : \"[a-z_]+\"", "\"status\" : \"lost\""), message: "bad.json: "),
        .init(
            name: "restore: an SLA of 99999 days", args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"sla_days\" : [0-9]+", "\"sla_days\" : 99999"),
            message: "sla_days: 99999 is not from 0 to 3650"),
        .init(
            name: "restore: a checkpoint of a stage the account does not have",
            args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"stage\" : \"[a-z_]+\"", "\"stage\" : \"nowhere\""),
            message: "checkpoints[0].stage: 'nowhere' is not one of the account's stages"),
        .init(
            name: "restore: a title with ESC in a backup another program edited",
            args: ["restore", "{tmp}/bad.sqlite", "--store", "{tmp}/new.sqlite"],
            store: .backup("UPDATE tasks SET title = 'x' || char(27) || '[2J' WHERE id = (SELECT min(id) FROM tasks)"),
            message: "bad.sqlite: accounts[0].tasks[0].title: contains a control character"),
        .init(
            name: "restore: a 10,000-character title in a backup another program edited",
            args: ["restore", "{tmp}/bad.sqlite", "--store", "{tmp}/new.sqlite"],
            store: .backup("UPDATE tasks SET title = printf('%.10000c', 'x') WHERE id = (SELECT min(id) FROM tasks)"),
            message: "title: is longer than 200 characters"),
        .init(
            name: "restore: a checkpoint of no stage in a backup another program edited",
            args: ["restore", "{tmp}/bad.sqlite", "--store", "{tmp}/new.sqlite"],
            store: .backup("UPDATE checkpoints SET stage = 'nowhere'"),
            message: "is not one of the account's stages"),
        .init(
            name: "restore: ESC in a stage name in a backup another program edited",
            args: ["restore", "{tmp}/bad.sqlite", "--store", "{tmp}/new.sqlite"],
            store: .backup("UPDATE stages SET name = char(27) || '[2J'"),
            message: "stages[0].name: contains a control character"),
        .init(
            name: "restore: a handoff record that is not JSON in a backup another program edited",
            args: ["restore", "{tmp}/bad.sqlite", "--store", "{tmp}/new.sqlite"],
            store: .backup("UPDATE accounts SET handoff = 'not json'"), message: "is not a handoff record"),
        .init(
            name: "restore: a NUL in a title in a backup another program edited",
            args: ["restore", "{tmp}/bad.sqlite", "--store", "{tmp}/new.sqlite"],
            store: .backup("UPDATE tasks SET title = 'x' || char(0) || 'y' WHERE id = (SELECT min(id) FROM tasks)"),
            message: "tasks.title holds a NUL character"),
        .init(
            name: "restore: text for ARR in a backup another program edited",
            args: ["restore", "{tmp}/bad.sqlite", "--store", "{tmp}/new.sqlite"],
            store: .backup("UPDATE accounts SET arr = 'abc'"), message: "holds text where a number goes"),
        .init(
            name: "restore: an event in 2100 in a backup another program edited",
            args: ["restore", "{tmp}/bad.sqlite", "--store", "{tmp}/new.sqlite"],
            store: .backup("UPDATE events SET at = '2100-01-01T00:00:00Z' WHERE id = 5"),
            message: "2100-01-01 is outside the dates golive takes"),
        .init(
            name: "restore: a damaged prior in a backup another program edited",
            args: ["restore", "{tmp}/bad.sqlite", "--store", "{tmp}/new.sqlite"],
            store: .backup("UPDATE events SET prior = 'not json' WHERE id = 5"),
            message: "events.prior (event 5) is not JSON"),
        .init(
            name: "store: a one-byte file", args: ["report", "stalled", "--store", "{store}"], store: .file("x"),
            message: "is not a golive store (not a SQLite database)"),
        .init(
            name: "seed: a log beside the new store",
            args: ["seed", "--accounts", "1", "--store", "{tmp}/new.sqlite"], store: .none,
            message: "new.sqlite-wal is there without its store",
            files: ["new.sqlite-wal": String(repeating: "w", count: 4096)]),
        .init(
            name: "restore: a journal beside the new store",
            args: ["restore", "{tmp}/bad.json", "--store", "{tmp}/new.sqlite"],
            store: .export("\"format\"", "\"format\""),
            message: "new.sqlite-journal is there without its store",
            files: ["new.sqlite-journal": String(repeating: "j", count: 4096)]),
        .init(
            name: "change: a 10,000-character task title",
            args: [
                "task", "add", "1", String(repeating: "x", count: 10_000), "--owner", "ana", "--due", "2026-12-01",
                "--store", "{store}", "--as-of", "2026-11-22",
            ],
            message: "the title is longer than 200 characters (nothing was changed)"),
        .init(
            name: "change: ESC in an escalation reason",
            args: [
                "escalate", "1", "sponsor \u{1B}]52;c;aGk=\u{07} left", "--store", "{store}", "--as-of", "2026-11-22",
            ],
            message: "the reason contains a control character (such as NUL or ESC) (nothing was changed)"),
        .init(
            name: "change: BEL in a note",
            args: ["note", "1", "ring\u{07}", "--store", "{store}", "--as-of", "2026-11-22"],
            message: "the note contains a control character"),
        .init(
            name: "change: a user name with ESC",
            args: ["escalate", "1", "why", "--user", "lee\u{1B}[2J", "--store", "{store}", "--as-of", "2026-11-22"],
            message: "the user's name contains a control character"),
        .init(
            name: "store: a FIFO", args: ["report", "stalled", "--store", "{store}"], store: .fifo,
            message: "is not a regular file, so not a golive store"),
        .init(
            name: "store: a device", args: ["report", "stalled", "--store", "{store}"], store: .device,
            message: "p.sqlite is not a regular file, so not a golive store"),
        .init(
            name: "store: scribbled over", args: ["report", "stalled", "--store", "{store}"], store: .damaged,
            message: "is damaged (database disk image is malformed): restore it from an export or a backup"),
        .init(
            name: "cli: --as-of in 1900", args: ["report", "stalled", "--store", "{store}", "--as-of", "1900-01-01"],
            message: "--as-of 1900-01-01 is outside the dates golive takes (2000-01-01 to 2099-12-31)"),
        .init(
            name: "cli: --as-of in 9999", args: ["report", "stalled", "--store", "{store}", "--as-of", "9999-12-31"],
            message: "--as-of 9999-12-31 is outside the dates"),
        .init(
            name: "env: GOLIVE_TODAY in year 0", args: ["report", "stalled", "--store", "{store}"],
            message: "GOLIVE_TODAY '0000-01-01' is not a date from 2000-01-01 to 2099-12-31",
            env: ["GOLIVE_TODAY": "0000-01-01"]),
        .init(
            name: "cli: --csms 100000",
            args: ["seed", "--accounts", "3", "--csms", "100000", "--store", "{tmp}/new.sqlite"], store: .none,
            message: "--csms must be at most 10000 (got 100000)"),
        .init(
            name: "cli: --accounts 2000000", args: ["seed", "--accounts", "2000000", "--store", "{tmp}/new.sqlite"],
            store: .none, message: "--accounts must be at most 1000000"),
        .init(
            name: "cli: report for a CSM no account has",
            args: ["report", "stalled", "--store", "{store}", "--csm", "Nobody"],
            message: "no account has the CSM 'Nobody'"),
        .init(
            name: "cli: export over a file without --force",
            args: ["export", "--store", "{store}", "--output", "{tmp}/taken.json"],
            message: "taken.json exists: nothing was written (--force replaces it)", files: ["taken.json": "keep me"]),
        .init(
            name: "cli: an escape sequence as a playbook name", args: ["playbook", "show", "\u{1B}]52;c;x\u{07}"],
            store: .none, message: "unknown playbook '␛]52;c;x␇'"),
        .init(
            name: "cli: an escape sequence as a view", args: ["--view", "\u{1B}[2J", "--store", "{store}"],
            store: .none, message: "--view '␛[2J' is not a screen"),
        .init(
            name: "cli: an unknown theme", args: ["--store", "{store}", "--theme", "neon"],
            message: "neon: no such theme (available: default, deuteranopia, high-contrast, mono)"),
    ]
}

import CSV
import Foundation
import GoliveDomain

/// Accounts from a CRM's closed-won export. Columns are matched by header, whatever their
/// case, spacing or punctuation, with the names common CRMs use. Every row is checked
/// before anything is written: one bad row refuses the whole file.
public enum CSVImport {
    /// One account of the file and the line it starts on.
    public struct Row: Sendable {
        public var line: Int
        public var info: AccountInfo
        /// Each value read as something other than what the file says, in words
        /// ("segment 'Startup' → smb"), for `import --dry-run` to show.
        public var normalised: [String] = []
        /// The header of the CSM column, as the file writes it, to name it in a refusal.
        public var csmColumn = "CSM"
    }

    /// How a file writes dates with slashes, learnt from the dates that can only be read one
    /// way ("3/14/2026" is month first; "14/3/2026" day first).
    public enum SlashOrder: Sendable {
        case monthFirst, dayFirst, unknown
    }

    enum Field: String, CaseIterable {
        case name, csm, segment, arr, contractSigned, targetGoLive, salesOwner
        // The handoff record, when the CRM keeps it.
        case goals, requirements, promises, champion, sponsor
        case championContact, sponsorContact

        var title: String {
            switch self {
            case .name: "account name"
            case .csm: "CSM"
            case .segment: "segment"
            case .arr: "ARR"
            case .contractSigned: "contract signed"
            case .targetGoLive: "target go-live"
            case .salesOwner: "sales owner"
            case .goals: "goals"
            case .requirements: "technical requirements"
            case .promises: "promises"
            case .champion: "champion"
            case .sponsor: "executive sponsor"
            case .championContact: "champion's contact"
            case .sponsorContact: "executive sponsor's contact"
            }
        }
        var required: Bool { [.name, .csm, .segment, .arr, .contractSigned].contains(self) }
        /// Header spellings accepted, normalised (lowercase letters and digits only).
        var aliases: Set<String> {
            switch self {
            case .name: ["accountname", "account", "name", "company", "companyname", "customer"]
            case .csm: ["csm", "customersuccessmanager", "csmowner", "successmanager"]
            case .segment: ["segment", "tier", "customersegment"]
            case .arr: ["arr", "annualrecurringrevenue", "amount", "arrusd"]
            case .contractSigned:
                ["contractsigned", "contractsigneddate", "closedate", "closeddate", "signeddate", "closedwondate"]
            case .targetGoLive: ["targetgolive", "golive", "golivedate", "targetgolivedate", "targetlaunchdate"]
            case .salesOwner: ["salesowner", "accountexecutive", "ae", "opportunityowner", "owner"]
            case .goals: ["goals", "customergoals", "businessgoals", "successcriteria"]
            case .requirements: ["requirements", "technicalrequirements", "techrequirements"]
            case .promises: ["promises", "salespromises", "commitments"]
            case .champion: ["champion", "customerchampion"]
            case .sponsor: ["executivesponsor", "sponsor", "execsponsor"]
            case .championContact: ["championcontact", "championemail", "championphone"]
            case .sponsorContact:
                ["executivesponsorcontact", "sponsorcontact", "executivesponsoremail", "sponsoremail", "sponsorphone"]
            }
        }
    }

    static func normalise(_ header: String) -> String {
        String(
            header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(
                Character.init))
    }

    /// The accounts in `path`, or the first problem as `FILE:LINE: column 'X': reason`. With
    /// `today`, a contract signed after it is such a problem: a deal is imported once won.
    public static func read(path: String, today: Day? = nil) throws -> [Row] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw FileError(file: path, reason: "no such file")
        }
        if isDir.boolValue { throw FileError(file: path, reason: "is a directory, not a CSV file") }
        // A pipe (`golive import <(…)`, /dev/stdin) is read to its end like a file.
        let piped = { () -> Data? in
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            return try? handle.readToEnd() ?? Data()
        }
        guard let data = FileManager.default.contents(atPath: path) ?? piped() else {
            throw FileError(file: path, reason: "cannot be read (\(String(cString: strerror(errno)).lowercased()))")
        }
        return try parse(data, file: path, today: today)
    }

    public static func parse(_ data: Data, file: String, today: Day? = nil) throws -> [Row] {
        guard var text = String(data: data, encoding: .utf8) else {
            throw FileError(file: file, reason: "is not UTF-8 text (save the export as CSV UTF-8)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // Excel's byte-order mark
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw FileError(file: file, reason: "the file is empty")
        }

        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            throw FileError(file: file, line: 1, reason: "cannot read the header line")
        }
        let header = reader.headerRow ?? []
        var columns: [Field: Int] = [:]
        var seenHeaders: [String: Int] = [:]
        for (i, h) in header.enumerated() {
            let n = normalise(h)
            // Two columns for one thing: which one is meant cannot be guessed.
            if !n.isEmpty, let first = seenHeaders[n] {
                throw FileError(
                    file: file, line: 1,
                    reason:
                        "column '\(Text.inert(String(h.prefix(40))))' appears twice (columns \(first + 1) and \(i + 1))"
                )
            }
            seenHeaders[n] = i
            for f in Field.allCases where f.aliases.contains(n) {
                if let other = columns[f] {
                    throw FileError(
                        file: file, line: 1,
                        reason: "columns '\(Text.inert(header[other]))' and '\(Text.inert(h))' both give the \(f.title)"
                    )
                }
                columns[f] = i
            }
        }
        let missing = Field.allCases.filter { $0.required && columns[$0] == nil }
        if !missing.isEmpty {
            throw FileError(
                file: file, line: 1,
                reason: "missing column" + (missing.count > 1 ? "s " : " ")
                    + missing.map { "'\($0.title)'" }.joined(separator: ", ")
                    + " (found: \(header.joined(separator: ", ")))")
        }

        var records: [(line: Int, cells: [String])] = []
        // Physical line of the current record: quoted fields may hold line breaks.
        var line = 2 + header.reduce(0) { $0 + newlines($1) }
        while let row = reader.next() {
            defer { line += 1 + row.reduce(0) { $0 + newlines($1) } }
            if row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }  // blank line
            guard row.count == header.count else {
                throw FileError(file: file, line: line, reason: "expected \(header.count) fields, found \(row.count)")
            }
            records.append((line, row))
        }
        if let e = reader.error { throw FileError(file: file, line: line, reason: "cannot read the CSV: \(e)") }
        let dateColumns = [Field.contractSigned, .targetGoLive].compactMap { columns[$0] }
        let order = try slashOrder(records.flatMap { r in dateColumns.map { (r.line, r.cells[$0]) } }, file: file)

        var out: [Row] = []
        var seen: [String: Int] = [:]
        for (line, row) in records {
            func cell(_ f: Field) -> String {
                columns[f].map { row[$0].trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            }
            func fail(_ f: Field, _ why: String) -> FileError {
                let column = columns[f].map { header[$0] } ?? f.title
                return FileError(file: file, line: line, reason: "column '\(column)': \(why)")
            }
            for f in Field.allCases where f.required && cell(f).isEmpty { throw fail(f, "empty") }
            let name = cell(.name)
            if name.count > Limits.nameLength { throw fail(.name, "longer than \(Limits.nameLength) characters") }
            for f in [
                Field.name, .csm, .salesOwner, .goals, .requirements, .promises, .champion, .sponsor, .championContact,
                .sponsorContact,
            ]
            where Limits.hasControl(cell(f)) {
                throw fail(f, "contains a control character (such as NUL or ESC)")
            }
            for f in [Field.csm, .salesOwner] where cell(f).count > Limits.nameLength {
                throw fail(f, "longer than \(Limits.nameLength) characters")
            }
            if let first = seen[name] {
                throw fail(.name, "duplicate account '\(Text.inert(name))' (also on line \(first))")
            }
            guard let segment = Segment(loose: cell(.segment)) else {
                let given = Text.inert(String(cell(.segment).prefix(40)))
                throw fail(.segment, "unknown segment '\(given)' (expected enterprise, mid-market or smb)")
            }
            guard let arr = money(cell(.arr)) else {
                throw fail(.arr, "'\(Text.inert(String(cell(.arr).prefix(40))))' is not an amount")
            }
            if arr < 0 { throw fail(.arr, "ARR cannot be negative (\(arr))") }
            if arr > Limits.arr.upperBound {
                throw fail(.arr, "ARR \(arr) is more than golive takes (\(Limits.arr.upperBound))")
            }
            guard let signed = date(cell(.contractSigned), order) else {
                throw fail(
                    .contractSigned,
                    "'\(Text.inert(String(cell(.contractSigned).prefix(40))))' is not a date (YYYY-MM-DD or M/D/YYYY)")
            }
            guard Limits.contains(signed) else {
                throw fail(.contractSigned, "\(signed.iso) is outside the dates golive takes (\(Limits.dateRange))")
            }
            if let today, signed > today {
                throw fail(
                    .contractSigned, "\(signed.iso) is after today (\(today.iso)): a contract is imported once signed")
            }
            var target: Day? = nil
            if !cell(.targetGoLive).isEmpty {
                guard let t = date(cell(.targetGoLive), order) else {
                    throw fail(
                        .targetGoLive,
                        "'\(Text.inert(String(cell(.targetGoLive).prefix(40))))' is not a date (YYYY-MM-DD or M/D/YYYY)"
                    )
                }
                guard Limits.contains(t) else {
                    throw fail(.targetGoLive, "\(t.iso) is outside the dates golive takes (\(Limits.dateRange))")
                }
                if t < signed {
                    throw fail(
                        .targetGoLive, "target go-live \(t.iso) is before the contract was signed (\(signed.iso))")
                }
                target = t
            }
            seen[name] = line
            var normalised: [String] = []
            func note(_ what: String, _ given: String, _ read: String) {
                if given != read { normalised.append("\(what) '\(given)' → \(read)") }
            }
            note("segment", cell(.segment), segment.rawValue)
            note("ARR", cell(.arr), "\(arr)")
            note("contract signed", cell(.contractSigned), signed.iso)
            if let target { note("target go-live", cell(.targetGoLive), target.iso) }
            out.append(
                Row(
                    line: line,
                    info: AccountInfo(
                        name: name, segment: segment, arr: arr, csm: cell(.csm), salesOwner: cell(.salesOwner),
                        contractSigned: signed, targetGoLive: target,
                        handoff: Handoff(
                            goals: cell(.goals), requirements: cell(.requirements),
                            stakeholders: [
                                ("champion", cell(.champion), cell(.championContact)),
                                ("exec_sponsor", cell(.sponsor), cell(.sponsorContact)),
                            ]
                            .filter { !$0.1.isEmpty }.map {
                                Stakeholder(role: $0.0, name: $0.1, contact: $0.2.isEmpty ? nil : $0.2)
                            },
                            promises: cell(.promises))),
                    normalised: normalised, csmColumn: columns[.csm].map { header[$0] } ?? Field.csm.title))
        }
        if out.isEmpty { throw FileError(file: file, reason: "no accounts in the file (only a header line)") }
        return out
    }

    static func newlines(_ s: String) -> Int { s.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" || $1 == "\r" ? 1 : 0) } }

    /// Amounts as CRMs write them, in whole units: "120000", "$120,000", "120,000.00",
    /// "€ 95.000,50", "1 200 000". One grammar: an optional currency sign, digits in groups of
    /// three after the first, one thousands separator throughout, and a decimal part of one or
    /// two digits after the other separator. "1.2.3" or "1,000.000" is no amount.
    public static func money(_ s: String) -> Int? {
        var t = s.trimmingCharacters(in: .whitespaces)
        for sign in ["$", "€", "£", "¥"] {
            if t.hasPrefix(sign) { t = String(t.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if t.hasSuffix(sign) { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
        }
        let negative = t.hasPrefix("-")
        if negative { t.removeFirst() }
        let separators: Set<Character> = [",", ".", " ", "'", "_"]
        guard let firstChar = t.first, firstChar.isASCII, firstChar.isNumber,
            t.allSatisfy({ ($0.isASCII && $0.isNumber) || separators.contains($0) })
        else { return nil }
        var whole = Substring(t)
        var decimal: Character?
        if let i = t.lastIndex(where: { $0 == "." || $0 == "," }) {
            let tail = t[t.index(after: i)...]
            let mark = t[i]
            if (1...2).contains(tail.count), tail.allSatisfy(\.isNumber), t.filter({ $0 == mark }).count == 1 {
                whole = t[..<i]
                decimal = mark
            }
        }
        let groupMarks = Set(whole.filter { !$0.isNumber })
        guard groupMarks.count <= 1 else { return nil }
        if let mark = groupMarks.first {
            guard mark != decimal else { return nil }
            let groups = whole.split(separator: mark, omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        guard let v = Int(whole.filter(\.isNumber)) else { return nil }
        return negative ? -v : v
    }

    public static func date(_ s: String, _ order: SlashOrder = .monthFirst) -> Day? {
        if let d = Day(iso: s) { return d }
        // A date and time ("2026-01-15T09:30:00Z", "2026-01-15 09:30"): the time must be one.
        if s.count > 10, let d = Day(iso: s.prefix(10)), s.dropFirst(10).first == "T" || s.dropFirst(10).first == " " {
            return isTime(s.dropFirst(11)) ? d : nil
        }
        guard let (a, b, y) = slashParts(s) else { return nil }
        let (m, d) = order == .dayFirst ? (b, a) : (a, b)
        guard (1...12).contains(m), (1...Day.daysIn(month: m, year: y)).contains(d) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// "3/14/2026" as (3, 14, 2026). Digits only: `Int` alone took "4/20/-052" and "+3/1/2026"
    /// (found by fuzzing), and the refusal then quoted a year no one wrote.
    static func slashParts(_ s: String) -> (Int, Int, Int)? {
        let p = s.split(separator: "/", omittingEmptySubsequences: false)
        func digits(_ part: Substring, _ counts: ClosedRange<Int>) -> Int? {
            guard counts.contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        guard p.count == 3, let a = digits(p[0], 1...2), let b = digits(p[1], 1...2), let y = digits(p[2], 4...4)
        else { return nil }
        return (a, b, y)
    }

    /// The file's order of slashed dates. A file that writes them both ways, or only in a
    /// way that reads as two different days ("3/4/2026"), is refused: a date is never guessed.
    static func slashOrder(_ cells: [(line: Int, text: String)], file: String) throws -> SlashOrder {
        let slashed = cells.compactMap { c in slashParts(c.text).map { (c.line, c.text, $0.0, $0.1) } }
        let monthFirst = slashed.first { $0.3 > 12 && $0.2 <= 12 }
        let dayFirst = slashed.first { $0.2 > 12 && $0.3 <= 12 }
        if let m = monthFirst, let d = dayFirst {
            throw FileError(
                file: file, line: max(m.0, d.0),
                reason: "dates are written month first ('\(m.1)', line \(m.0)) and day first ('\(d.1)', line \(d.0)): "
                    + "write them all one way, or as YYYY-MM-DD")
        }
        if monthFirst != nil { return .monthFirst }
        if dayFirst != nil { return .dayFirst }
        if let two = slashed.first(where: { $0.2 != $0.3 && $0.2 <= 12 && $0.3 <= 12 }) {
            let months = [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
            throw FileError(
                file: file, line: two.0,
                reason:
                    "'\(Text.inert(two.1))' could be \(two.3) \(months[two.2 - 1]) or \(two.2) \(months[two.3 - 1]), "
                    + "and no date in the file tells which: write dates as YYYY-MM-DD")
        }
        return .unknown
    }

    /// "09:30", "09:30:00", "09:30:00.123", each with "Z" or "+02:00" after it or not.
    static func isTime(_ t: Substring) -> Bool {
        var rest = t
        if rest.hasSuffix("Z") {
            rest = rest.dropLast()
        } else if rest.count > 6, let sign = rest.suffix(6).first, sign == "+" || sign == "-" {
            let zone = rest.suffix(5)
            guard zone.dropFirst(2).first == ":", zone.prefix(2).allSatisfy(\.isNumber),
                zone.suffix(2).allSatisfy(\.isNumber), let h = Int(zone.prefix(2)), let m = Int(zone.suffix(2)),
                (0...14).contains(h), (0...59).contains(m)
            else { return false }
            rest = rest.dropLast(6)
        }
        if let dot = rest.firstIndex(of: ".") {
            let fraction = rest[rest.index(after: dot)...]
            guard !fraction.isEmpty, fraction.count <= 9, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return false
            }
            rest = rest[..<dot]
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }) else {
            return false
        }
        let numbers = parts.compactMap { Int($0) }
        return numbers.count == parts.count && numbers[0] < 24 && numbers[1] < 60
            && (numbers.count < 3 || numbers[2] < 60)
    }
}

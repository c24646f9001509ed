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
    }

    enum Field: String, CaseIterable {
        case name, csm, segment, arr, contractSigned, targetGoLive, salesOwner

        var title: String {
            switch self {
            case .name: "account name"
            case .csm: "CSM"
            case .segment: "segment"
            case .arr: "ARR"
            case .contractSigned: "contract signed"
            case .targetGoLive: "target go-live"
            case .salesOwner: "sales owner"
            }
        }
        var required: Bool { self != .targetGoLive && self != .salesOwner }
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
            }
        }
    }

    static func normalise(_ header: String) -> String {
        String(
            header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(
                Character.init))
    }

    /// The accounts in `path`, or the first problem as `FILE:LINE: column 'X': reason`.
    public static func read(path: String) throws -> [Row] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw FileError(file: path, reason: "no such file")
        }
        if isDir.boolValue { throw FileError(file: path, reason: "is a directory, not a CSV file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(file: path, reason: "cannot be read (permission denied)")
        }
        return try parse(data, file: path)
    }

    public static func parse(_ data: Data, file: String) throws -> [Row] {
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
        for (i, h) in header.enumerated() {
            let n = normalise(h)
            for f in Field.allCases where f.aliases.contains(n) && columns[f] == nil { columns[f] = i }
        }
        let missing = Field.allCases.filter { $0.required && columns[$0] == nil }
        if !missing.isEmpty {
            throw FileError(
                file: file, line: 1,
                reason: "missing column" + (missing.count > 1 ? "s " : " ")
                    + missing.map { "'\($0.title)'" }.joined(separator: ", ")
                    + " (found: \(header.joined(separator: ", ")))")
        }

        var out: [Row] = []
        var seen: [String: Int] = [:]
        // Physical line of the current record: quoted fields may hold line breaks.
        var line = 2 + header.reduce(0) { $0 + newlines($1) }
        while let row = reader.next() {
            defer { line += 1 + row.reduce(0) { $0 + newlines($1) } }
            if row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }  // blank line
            guard row.count == header.count else {
                throw FileError(file: file, line: line, reason: "expected \(header.count) fields, found \(row.count)")
            }
            func cell(_ f: Field) -> String {
                columns[f].map { row[$0].trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            }
            func fail(_ f: Field, _ why: String) -> FileError {
                let column = columns[f].map { header[$0] } ?? f.title
                return FileError(file: file, line: line, reason: "column '\(column)': \(why)")
            }
            for f in Field.allCases where f.required && cell(f).isEmpty { throw fail(f, "empty") }
            let name = cell(.name)
            if name.count > 200 { throw fail(.name, "longer than 200 characters") }
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
            guard let signed = date(cell(.contractSigned)) else {
                throw fail(
                    .contractSigned,
                    "'\(Text.inert(String(cell(.contractSigned).prefix(40))))' is not a date (YYYY-MM-DD or M/D/YYYY)")
            }
            var target: Day? = nil
            if !cell(.targetGoLive).isEmpty {
                guard let t = date(cell(.targetGoLive)) else {
                    throw fail(
                        .targetGoLive,
                        "'\(Text.inert(String(cell(.targetGoLive).prefix(40))))' is not a date (YYYY-MM-DD or M/D/YYYY)"
                    )
                }
                if t < signed {
                    throw fail(
                        .targetGoLive, "target go-live \(t.iso) is before the contract was signed (\(signed.iso))")
                }
                target = t
            }
            seen[name] = line
            out.append(
                Row(
                    line: line,
                    info: AccountInfo(
                        name: name, segment: segment, arr: arr, csm: cell(.csm), salesOwner: cell(.salesOwner),
                        contractSigned: signed, targetGoLive: target)))
        }
        if let e = reader.error { throw FileError(file: file, line: line, reason: "cannot read the CSV: \(e)") }
        if out.isEmpty { throw FileError(file: file, reason: "no accounts in the file (only a header line)") }
        return out
    }

    static func newlines(_ s: String) -> Int { s.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" || $1 == "\r" ? 1 : 0) } }

    /// "120000", "$120,000", "120000.00", "€ 95.000" (dot as thousands separator) → whole units.
    static func money(_ s: String) -> Int? {
        var t = s.filter { !"$€£¥ _'".contains($0) }
        let negative = t.hasPrefix("-")
        if negative { t.removeFirst() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }) else { return nil }
        // The last separator followed by exactly two digits is a decimal point.
        var whole = t
        if let i = t.lastIndex(where: { $0 == "." || $0 == "," }), t.distance(from: i, to: t.endIndex) == 3 {
            whole = String(t[..<i])
        }
        whole.removeAll { $0 == "," || $0 == "." }
        guard let v = Int(whole) else { return nil }
        return negative ? -v : v
    }

    static func date(_ s: String) -> Day? {
        if let d = Day(iso: s) { return d }
        if s.count > 10, let d = Day(iso: s.prefix(10)), s.dropFirst(10).first == "T" || s.dropFirst(10).first == " " {
            return d
        }
        let p = s.split(separator: "/")
        if p.count == 3, let m = Int(p[0]), let d = Int(p[1]), let y = Int(p[2]), p[2].count == 4,
            (1...12).contains(m), (1...Day.daysIn(month: m, year: y)).contains(d)
        {
            return Day(year: y, month: m, day: d)
        }
        return nil
    }
}

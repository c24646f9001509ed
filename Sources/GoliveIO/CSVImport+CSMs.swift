import GoliveDomain

extension CSVImport {
    /// The rows with each CSM named as the store names them: a value that fits exactly one
    /// CSM there (read as `--csm` reads one: "ana" is Ana Souza) becomes that CSM's name, and
    /// says so for `--dry-run`, so an import never makes a second CSM of a short form. A
    /// value that fits several is refused with its line and column; one that fits none is a
    /// new CSM, as written.
    public static func namingCSMs(_ rows: [Row], as known: [String], file: String) throws -> [Row] {
        let matcher = CSMMatcher(names: known)
        return try rows.map { r in
            var r = r
            switch matcher.match(r.info.csm) {
            case .exact(let name), .one(let name):
                if name != r.info.csm { r.normalised.append("CSM '\(r.info.csm)' read as \(name)") }
                r.info.csm = name
            case .ambiguous(let names):
                throw FileError(
                    file: file, line: r.line,
                    reason:
                        "column '\(Text.inert(r.csmColumn))': '\(Text.inert(r.info.csm))' could be \(names.joined(separator: " or ")): give more of the name"
                )
            case .none:
                break
            }
            return r
        }
    }
}

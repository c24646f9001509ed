import GoliveDomain

/// The board's filter as typed after `/`. Plain words must each occur in the account's name
/// or its CSM (accents and case ignored); tokens narrow by what the board knows of a row:
/// `red` `amber` `green` (any of those named), `stalled`, `escalated`, `hold`, `seg:smb`,
/// `csm:ana`, `stage:setup`, `court:customer`. Tokens of different kinds must all hold.
struct BoardFilter: Equatable {
    var words: [[UInt8]] = []
    var rags: Set<RAG> = []
    var stalled = false
    var escalated = false
    var onHold = false
    var segments: Set<Segment> = []
    /// What each `csm:` names (the CSM matcher reads it: the whole name, a short form, or
    /// the starts of its words), and folded parts of a stage's name.
    var csms: [String] = []
    var stages: [String] = []
    var courts: Set<Court> = []
    /// Tokens whose value names nothing, in words (the board says so and lists nothing).
    var problems: [String] = []

    init(_ text: String) {
        for token in text.split(separator: " ") {
            let t = Folded.fold(String(token))
            if let rag = RAG(rawValue: t) {
                rags.insert(rag)
            } else if t == "stalled" {
                stalled = true
            } else if t == "escalated" {
                escalated = true
            } else if t == "hold" || t == "held" {
                onHold = true
            } else if let colon = t.firstIndex(of: ":"), colon != t.startIndex {
                keyed(String(t[..<colon]), String(t[t.index(after: colon)...]), token: String(token))
            } else {
                words.append(Array(t.utf8))
            }
        }
    }

    private mutating func keyed(_ key: String, _ value: String, token: String) {
        guard !value.isEmpty else { return }  // still being typed
        switch key {
        case "seg", "segment":
            if let s = Segment(loose: value) {
                segments.insert(s)
            } else {
                problems.append("\(token): no such segment (enterprise, mid-market, smb)")
            }
        case "csm": csms.append(value)
        case "stage": stages.append(value)
        case "court":
            if let c = Court.allCases.first(where: { $0.rawValue.hasPrefix(value) }) {
                courts.insert(c)
            } else {
                problems.append("\(token): no such court (ours, customer, approver)")
            }
        default:
            problems.append("\(token): unknown filter (seg:, csm:, stage:, court:)")
        }
    }

    /// Only words: a typed character can then only narrow the list.
    var isTextOnly: Bool {
        rags.isEmpty && !stalled && !escalated && !onHold && segments.isEmpty && csms.isEmpty && stages.isEmpty
            && courts.isEmpty && problems.isEmpty
    }

    /// Whether the row with these keys passes everything but the words (see `matches`).
    /// `csmOK` and `stageOK` are indexed by the row's CSM and stage numbers.
    func passes(_ k: RowKeys, csmOK: [Bool], stageOK: [Bool]) -> Bool {
        guard problems.isEmpty else { return false }
        if !rags.isEmpty && (k.completed || !rags.contains(k.rag)) { return false }
        if stalled && !k.stalled { return false }
        if escalated && !k.escalated { return false }
        if onHold && !k.onHold { return false }
        if !segments.isEmpty && !segments.contains(k.segment) { return false }
        if !csms.isEmpty && !csmOK[k.csm] { return false }
        if !stages.isEmpty && !stageOK[k.stage] { return false }
        // A completed onboarding has no ball left in anyone's court.
        if !courts.isEmpty && (k.completed || !courts.contains(k.court)) { return false }
        return true
    }

    /// Whether every word occurs in a row's folded search text.
    func matches(_ search: String) -> Bool {
        words.allSatisfy { Folded.contains(search, $0) }
    }
}

/// What Sales hands over: the customer's goals, technical requirements, stakeholders and
/// the promises made during the deal.
public struct Handoff: Hashable, Codable, Sendable {
    public var goals: String = ""
    public var requirements: String = ""
    public var stakeholders: [Stakeholder] = []
    public var promises: String = ""
    public init(goals: String = "", requirements: String = "", stakeholders: [Stakeholder] = [], promises: String = "")
    {
        self.goals = goals
        self.requirements = requirements
        self.stakeholders = stakeholders
        self.promises = promises
    }
    public var isEmpty: Bool { goals.isEmpty && requirements.isEmpty && stakeholders.isEmpty && promises.isEmpty }

    /// What the record still lacks before the onboarding may leave Handoff (promises may be
    /// "none", but must be said).
    public var missing: [String] {
        [
            goals.isEmpty ? "goals" : nil, requirements.isEmpty ? "technical requirements" : nil,
            stakeholders.isEmpty ? "stakeholders" : nil, promises.isEmpty ? "promises made by Sales" : nil,
        ].compactMap { $0 }
    }

    /// "champion: Mia Vogel <mia@acme.example>; exec sponsor: Raj Patel", as typed and shown.
    public var stakeholderText: String {
        stakeholders.map { "\($0.role.replacingOccurrences(of: "_", with: " ")): \($0.nameAndContact)" }.joined(
            separator: "; ")
    }

    /// Stakeholders as typed: "role: name" parts separated by ";", each name optionally
    /// followed by how to reach them in angle brackets ("champion: Mia Vogel <mia@acme.example>").
    public static func stakeholders(from text: String) -> [Stakeholder]? {
        var out: [Stakeholder] = []
        for part in text.split(separator: ";") {
            let pair = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else { return nil }
            var name = pair[1]
            var contact: String? = nil
            if name.hasSuffix(">"), let open = name.lastIndex(of: "<") {
                let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
                contact = inside.trimmingCharacters(in: .whitespaces)
                name = name[..<open].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, contact?.isEmpty == false else { return nil }
            }
            out.append(
                Stakeholder(
                    role: pair[0].lowercased().replacingOccurrences(of: " ", with: "_"), name: name, contact: contact))
        }
        return out
    }
}

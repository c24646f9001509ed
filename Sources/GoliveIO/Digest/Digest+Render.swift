import Foundation
import GoliveDomain

extension Digest {
    /// The digest written as `format`, for `csm` (nil: the whole team), its colours compared
    /// since `since`. Empty sections are left out of text and Markdown; JSON keeps every
    /// section's key, so a script reads the same shape every day.
    public func render(_ format: DigestFormat, csm: String?, since: Day) throws -> String {
        switch format {
        case .text: text(csm: csm, since: since)
        case .markdown: markdown(csm: csm, since: since)
        case .json: try json(csm: csm, since: since)
        }
    }

    /// The first line; `words` makes the CSM's name safe for the format.
    private func heading(csm: String?, since: Day, words: (String) -> String) -> String {
        let whom = csm.map { "for \(words($0))" } ?? "for the whole team"
        return "golive digest \(whom), \(today.iso) (colours since \(since.iso))"
    }

    private static let nothing = "nothing needs you today"

    func text(csm: String?, since: Day) -> String {
        var out = heading(csm: csm, since: since, words: Text.inert) + "\n"
        if isEmpty { return out + "\n" + Digest.nothing + "\n" }
        for (section, items) in ordered where !items.isEmpty {
            out += "\n\(section.title) (\(items.count))\n"
            for item in items {
                out += "  - " + sentence(item, in: section, team: csm == nil, words: Text.inert) + "\n"
            }
        }
        return out
    }

    func markdown(csm: String?, since: Day) -> String {
        var out = "# " + heading(csm: csm, since: since, words: Markdown.text) + "\n"
        if isEmpty { return out + "\n" + Digest.nothing + "\n" }
        for (section, items) in ordered where !items.isEmpty {
            out += "\n## \(section.title) (\(items.count))\n\n"
            for item in items {
                out += "- " + sentence(item, in: section, team: csm == nil, words: Markdown.text) + "\n"
            }
        }
        return out
    }

    /// One item in words; `words` makes each piece of data safe for the format.
    private func sentence(_ item: Item, in section: Section, team: Bool, words: (String) -> String) -> String {
        let account = words(item.account) + (team ? " (\(words(item.csm)))" : "")
        let what = words(item.what)
        let who = words(item.who)
        // A touchpoint's state carries its channel, which is data.
        let state = words(item.state)
        switch section {
        case .turned:
            return "\(account): \(state)" + (what.isEmpty ? "" : " — \(what)")
        case .stalled:
            return "\(account): \(state), \(who) — \(what)"
        case .touchpoints:
            return "\(account): \(what) with \(who) — \(state)"
        case .followUps:
            return "\(account): \(what) — \(state)"
        case .approvals:
            return "\(account): approval '\(what)' with \(who) — \(state)"
        case .customerWaiting, .dueToday, .overdue:
            let kind = item.lane.map { "\($0.rawValue) task '\(what)'" } ?? what
            return "\(account): \(kind) (\(who)) — \(state)"
        }
    }

    /// The JSON document: the day, whom it is for, and each section's items.
    func json(csm: String?, since: Day) throws -> String {
        struct Line: Encodable {
            var account: String, csm: String, lane: String?, what: String, who: String, day: String?, state: String
        }
        var document: [String: AnyEncodable] = [
            "as_of": AnyEncodable(today.iso), "since": AnyEncodable(since.iso), "csm": AnyEncodable(csm),
            "nothing_needs_you": AnyEncodable(isEmpty),
        ]
        for (section, items) in ordered {
            document[section.key] = AnyEncodable(
                items.map {
                    Line(
                        account: $0.account, csm: $0.csm, lane: $0.lane?.rawValue, what: $0.what, who: $0.who,
                        day: $0.day?.iso, state: $0.state)
                })
        }
        return try Reports.json(document)
    }
}

/// A value of any encodable type, for a document whose fields differ in type.
private struct AnyEncodable: Encodable {
    private let encode: (Encoder) throws -> Void

    init<T: Encodable>(_ value: T) { encode = value.encode }

    func encode(to encoder: Encoder) throws { try encode(encoder) }
}

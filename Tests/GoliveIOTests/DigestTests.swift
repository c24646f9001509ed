import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

/// The morning digest read from a store says what the board's reports say: the same stalled
/// accounts, the same overdue work, the same colours turned worse — for one CSM and the team.
struct DigestTests {
    static let today = day("2026-11-22")

    @Test(arguments: StoreKind.allCases)
    func theDigestListsWhatTheReportsFindForEachCSMAndTheTeam(on kind: StoreKind) throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 60, seed: 4, csms: 3, on: kind)
        for csm in [nil] + (try store.csms()) {
            let digest = try Digest.read(from: store, today: Self.today, csm: csm, since: Self.today - 1)
            #expect(!digest.isEmpty)
            let stalled = try Reports.read(.stalled, from: store, today: Self.today, csm: csm).stalled()
            #expect(Set(digest.sections[.stalled, default: []].map(\.account)) == Set(stalled.map(\.account)))
            // Every overdue task is in the digest once — overdue, an approval or a customer's
            // past its SLA — and nothing else of the digest's work is overdue.
            let overdue = try Reports.read(.overdue, from: store, today: Self.today, csm: csm).overdue()
            let work = [Digest.Section.overdue, .approvals, .customerWaiting].flatMap {
                digest.sections[$0, default: []]
            }
            let late = work.filter { $0.lane != nil && ($0.day ?? Self.today) < Self.today }
            #expect(late.count == overdue.count)
            #expect(Set(late.map { "\($0.account)/\($0.what)" }) == Set(overdue.map { "\($0.account)/\($0.task)" }))
            // The colours: every account the changes report finds gone amber or red.
            let since = ChangesSince.day(Self.today - 1)
            let changes = try store.changes(since: since.at, then: since.then, today: Self.today, csm: csm)
            let worse = changes.filter { $0.ragNow != .green && ($0.isNew || $0.ragNow > ($0.ragBefore ?? .green)) }
            #expect(Set(digest.sections[.turned, default: []].map(\.account)) == Set(worse.map(\.name)))
            if let csm { #expect(digest.ordered.allSatisfy { $0.items.allSatisfy { $0.csm == csm } }) }
        }
    }

    @Test func anEmptyDigestSaysNothingNeedsYouInEveryFormat() throws {
        let digest = Digest(today: Self.today, accounts: [], changes: [])
        #expect(digest.isEmpty)
        #expect(digest.text(csm: "Ana", since: Self.today - 1).hasSuffix("\nnothing needs you today\n"))
        #expect(digest.markdown(csm: "Ana", since: Self.today - 1).hasSuffix("\nnothing needs you today\n"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(digest.json(csm: "Ana", since: Self.today - 1).utf8))
                as? [String: Any])
        #expect(json["nothing_needs_you"] as? Bool == true)
        #expect(json["overdue"] as? [Any] != nil && (json["overdue"] as? [Any])?.isEmpty == true)
    }

    @Test func textFromDataCannotBreakTheMarkdownOrReachTheTerminal() throws {
        let item = Digest.Item(
            accountID: 1, account: "Evil | *Corp* `x`\u{1B}[2J", csm: "Ana", lane: .internal, what: "Fix\nit",
            who: "Bo",
            day: Self.today - 2, state: "2 days overdue")
        var digest = Digest(today: Self.today, accounts: [], changes: [])
        digest.sections[.overdue] = [item]
        let markdown = digest.markdown(csm: nil, since: Self.today - 1)
        #expect(markdown.contains("Evil \\| \\*Corp\\* \\`x\\`␛\\[2J"), "\(markdown)")
        #expect(!markdown.contains("\u{1B}") && !markdown.contains("Fix\nit"))
        let text = digest.text(csm: nil, since: Self.today - 1)
        #expect(!text.contains("\u{1B}") && text.contains("internal task 'Fix it' (Bo) — 2 days overdue"))
        let json = try digest.json(csm: nil, since: Self.today - 1)
        #expect(!json.contains("\u{1B}"))
    }
}

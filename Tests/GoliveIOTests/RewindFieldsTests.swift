import Foundation
import GoliveTestSupport
import Testing

@testable import GoliveDomain
@testable import GoliveStore

/// Rewinding puts an account's own fields back one by one from the JSON its priors kept;
/// these prove the account is the one the whole fields' JSON, edited and decoded again,
/// gives — on every account of a seeded store, through every prior since a day long past.
struct RewindFieldsTests {
    /// The former way: every own field through JSON, the kept ones put in, decoded again.
    static func byWholeJSON(_ account: Account, _ fields: [String: String]) throws -> Account {
        let own = try Prior.encoder.encode(account.ownFields)
        var object = try #require(try JSONSerialization.jsonObject(with: own) as? [String: Any])
        for (key, json) in fields {
            let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
            if value is NSNull { object.removeValue(forKey: key) } else { object[key] = value }
        }
        var a = try JSONDecoder().decode(Account.self, from: JSONSerialization.data(withJSONObject: object))
        a.tasks = account.tasks
        a.checkpoints = account.checkpoints
        a.touchpoints = account.touchpoints
        a.version = account.version
        a.lastActivity = account.lastActivity
        return a
    }

    @Test func fieldsPutBackOneByOneGiveTheAccountTheirWholeJSONGives() throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 300, seed: 9, csms: 4)
        let (priors, _) = try store.read { db in try Rows.priors(db, since: "2026-01-01") }
        var keys = Set<String>()
        var compared = 0
        for account in try store.accounts() {
            var fields: [String: String] = [:]
            for p in priors[account.id] ?? [] { fields.merge(p.fields) { _, older in older } }
            guard !fields.isEmpty else { continue }
            keys.formUnion(fields.keys)
            #expect(try account.replacingFields(fields) == Self.byWholeJSON(account, fields))
            compared += 1
        }
        // The seeder's changes move stages, escalate, resolve, hold and re-plan.
        #expect(compared > 200)
        #expect(keys.isSuperset(of: ["stageIndex", "stages", "escalation"]))
    }

    @Test(arguments: [
        ["escalation": "null"], ["completedOn": "\"2026-11-01\""], ["holds": "[]"], ["goLivePlan": "null"],
        ["name": "\"Zürich \\u00e9 東京\""], ["arr": "480000"], ["unknownLaterField": "42"],
    ])
    func eachKindOfFieldIsPutBackAsTheWholeJSONWould(_ fields: [String: String]) throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 5, seed: 9, csms: 1)
        for account in try store.accounts() {
            #expect(try account.replacingFields(fields) == Self.byWholeJSON(account, fields))
        }
    }

    @Test func aNullForAFieldThatMustHaveAValueIsRefusedAsBefore() throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 1, seed: 9, csms: 1)
        let account = try #require(try store.accounts().first)
        #expect(throws: (any Error).self) { try account.replacingFields(["stages": "null"]) }
        #expect(throws: (any Error).self) { try Self.byWholeJSON(account, ["stages": "null"]) }
    }
}

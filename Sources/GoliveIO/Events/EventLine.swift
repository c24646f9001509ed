import Foundation
import GoliveDomain

/// One event as one line of JSON: what `golive events` prints and what a hook reads on its
/// standard input. The fields a script matches on (`kind`, ids, `before`, `after`) and
/// `words`, what a person reads (as the board's history says it).
public enum EventLine {
    private struct Line: Encodable {
        var id: Int64
        var at: String
        var who: String
        var accountID: Int64?
        var account: String?
        var taskID: Int64?
        var checkpointID: Int64?
        var kind: String
        var before: String?
        var after: String?
        var detail: String?
        var words: String

        // Absent values are written as null: every line has every key.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(at, forKey: .at)
            try c.encode(who, forKey: .who)
            try c.encode(accountID, forKey: .accountID)
            try c.encode(account, forKey: .account)
            try c.encode(taskID, forKey: .taskID)
            try c.encode(checkpointID, forKey: .checkpointID)
            try c.encode(kind, forKey: .kind)
            try c.encode(before, forKey: .before)
            try c.encode(after, forKey: .after)
            try c.encode(detail, forKey: .detail)
            try c.encode(words, forKey: .words)
        }

        enum CodingKeys: String, CodingKey {
            case id, at, who, account, kind, before, after, detail, words
            case accountID = "account_id"
            case taskID = "task_id"
            case checkpointID = "checkpoint_id"
        }
    }

    /// `event` in one line (no line break), `account` giving its names and words (nil when the
    /// account is gone or the event is of none).
    public static func json(_ event: Event, account: Account?) throws -> String {
        let words = account.map { event.words(in: $0) } ?? event.detail ?? "a change to the store"
        let line = Line(
            id: event.id, at: event.at, who: event.who, accountID: event.accountID, account: account?.name,
            taskID: event.taskID, checkpointID: event.checkpointID, kind: event.kind, before: event.before,
            after: event.after, detail: event.detail, words: words)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Text.inertJSON(String(decoding: try encoder.encode(line), as: UTF8.self))
    }
}

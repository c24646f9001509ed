import Foundation
import GoliveDomain
import GoliveStore

/// Everything in a store as one JSON document: playbooks, accounts with all their work,
/// and every event. Restoring it into an empty store and exporting again gives the same bytes.
public struct ExportDocument: Codable, Sendable {
    public static let format = "golive-export"

    public static let currentVersion = 1

    public var format: String

    public var version: Int

    public var nextID: Int64

    public var playbooks: [StoredPlaybook]

    public var accounts: [Account]

    public var events: [Event]

    public static func make(from store: Store) throws -> ExportDocument {
        ExportDocument(
            format: format, version: currentVersion, nextID: try store.nextID(),
            playbooks: try store.playbooks(), accounts: try store.accounts(), events: try store.events())
    }

    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = JSONKeys.encoding
        var data = Data(Text.inertJSON(String(decoding: try e.encode(self), as: UTF8.self)).utf8)
        data.append(0x0A)
        return data
    }
}

import Foundation
import GoliveStore

extension Export {
    /// `--output` checked before anything is read: a refused target leaves everything as it was.
    static func destination(_ output: String?, force: Bool, common: CommonOptions) throws -> Destination? {
        try output.map { try Destination($0, replacing: force, keeping: Destination.Kept.store(common.storePath())) }
    }

    /// Writes `text` whole or not at all, for its owner only (0600): a calendar subscribed to
    /// the file, or a page someone opens, never reads half of one.
    static func replace(_ destination: Destination, with text: String) throws {
        try destination.write { fd in try destination.write(Array(text.utf8), to: fd) }
    }
}

import Foundation
import GoliveStore

/// The passwords this run was given in a store URL (`--store`, `GOLIVE_STORE` or any
/// argument), kept to hide them from every message, whoever wrote it: libpq, a file
/// name echoed, ArgumentParser quoting an argument.
enum StoreSecrets {
    /// Set once, first thing in `main`, before any other thread runs.
    nonisolated(unsafe) private static var known: [String] = []

    static func remember(_ arguments: [String], environment: [String: String]) {
        let stores = arguments + [environment["GOLIVE_STORE"] ?? ""]
        let found = stores.flatMap(PostgresSecrets.passwords(in:))
        known = found
    }

    static func hidden(in text: String) -> String {
        PostgresSecrets.scrubbed(text, hiding: known)
    }
}

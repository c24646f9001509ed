import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

extension Locale {
    /// Whether the locale in force speaks UTF-8 (LC_ALL, then LC_CTYPE, then LANG).
    static func isUTF8(_ env: [String: String]) -> Bool {
        let value = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let v = value.lowercased()
        return v.contains("utf-8") || v.contains("utf8")
    }
}

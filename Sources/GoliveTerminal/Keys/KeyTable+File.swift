import Foundation
import GoliveIO
import Yams

extension KeyTable {
    /// The default table with a user's keys.yaml applied:
    ///
    ///     toggle-done: [x, Space]
    ///     escalate: E
    ///
    /// A key bound twice where both bindings can apply, an unknown command or key name,
    /// or a binding left with no key is refused with the file and line.
    public static func load(path: String) throws -> KeyTable {
        guard FileManager.default.fileExists(atPath: path) else { return defaults }
        let y = try YAMLReader.load(path: path)
        var table = defaults
        let commands = Set(Command.allCases.map(\.rawValue))
        var lineOf: [Command: Int] = [:]
        for (name, node) in try y.mapping(y.root, "keys") {
            guard commands.contains(name), let command = Command(rawValue: name) else {
                throw y.fail(
                    node,
                    "unknown command '\(name)' (commands: \(Command.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let names: [String]
            if case .sequence = node {
                names = try y.sequence(node, name).map { try y.string($0, name) }
            } else {
                names = [try y.string(node, name)]
            }
            let keys = try names.map { n -> Key in
                guard let k = Key(name: n) else { throw y.fail(node, "\(name): unknown key '\(n)'") }
                return k
            }
            if keys.isEmpty { throw y.fail(node, "\(name): no key left for this command") }
            for i in table.bindings.indices where table.bindings[i].command == command { table.bindings[i].keys = keys }
            lineOf[command] = node.mark?.line
        }
        for (i, a) in table.bindings.enumerated() {
            for b in table.bindings[(i + 1)...]
            where a.command != b.command && (a.scope == b.scope || a.scope == .everywhere || b.scope == .everywhere) {
                if let clash = a.keys.first(where: b.keys.contains) {
                    // The later of the two lines is the one that made the clash: the
                    // first was fine until the second bound the same key.
                    let line = [lineOf[a.command], lineOf[b.command]].compactMap { $0 }.max()
                    throw FileError(
                        file: path, line: line,
                        reason: "key '\(clash)' is bound to both \(a.command.rawValue) and \(b.command.rawValue)")
                }
            }
        }
        return table
    }
}

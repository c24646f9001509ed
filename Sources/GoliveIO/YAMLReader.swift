import Foundation
import Yams

/// Walks a YAML document composed by Yams, keeping every node's line so that any problem
/// — a wrong type, an unknown key, a rule broken further down — names where it is.
public struct YAMLReader {
    public let file: String
    public let root: Node

    /// Reads and composes `path`; unreadable files, folders and YAML syntax errors become
    /// `FileError`s with the line libyaml reports.
    public static func load(path: String) throws -> YAMLReader {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw FileError(file: path, reason: "no such file")
        }
        if isDir.boolValue { throw FileError(file: path, reason: "is a directory, not a YAML file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(file: path, reason: "cannot be read (permission denied)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileError(file: path, reason: "is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> YAMLReader {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw FileError(file: file, line: 1, reason: "the file is empty")
            }
            return YAMLReader(file: file, root: node)
        } catch let e as YamlError {
            switch e {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let ctx = context.map { " (\($0.text))" } ?? ""
                throw FileError(
                    file: file, line: mark.line, column: mark.column, reason: "YAML syntax error: \(problem)\(ctx)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                throw FileError(
                    file: file, line: context.mark.line, reason: "duplicate key \(duplicates.joined(separator: ", "))")
            case .reader(let problem, _, _, _):
                // libyaml's message quotes the whole buffer: name the problem, not the file.
                throw FileError(file: file, reason: "not a YAML file (\(String(problem.prefix(60))))")
            default:
                throw FileError(file: file, reason: "not a YAML file")
            }
        }
    }

    public func fail(_ node: Node?, _ reason: String) -> FileError {
        FileError(file: file, line: node?.mark?.line, column: node?.mark?.column, reason: reason)
    }

    /// A mapping's entries by key, refusing keys outside `allowed` (a typo is an error,
    /// not a silently ignored setting).
    public func mapping(_ node: Node, _ what: String, allowed: Set<String>? = nil) throws -> [String: Node] {
        guard case .mapping(let m) = node else { throw fail(node, "\(what) must be a mapping (key: value)") }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let key = k.string else { throw fail(k, "\(what): keys must be text") }
            if let allowed, !allowed.contains(key) {
                throw fail(
                    k, "\(what): unknown key '\(key)' (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
            out[key] = v
        }
        return out
    }

    public func sequence(_ node: Node, _ what: String) throws -> [Node] {
        guard case .sequence(let s) = node else { throw fail(node, "\(what) must be a list") }
        return Array(s)
    }

    public func string(_ map: [String: Node], _ key: String, in what: String, at parent: Node) throws -> String {
        guard let node = map[key] else { throw fail(parent, "\(what): missing field '\(key)'") }
        return try string(node, "\(what).\(key)")
    }

    public func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let s) = node, !s.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail(node, "\(what) must be non-empty text")
        }
        return s.string
    }

    public func int(
        _ map: [String: Node], _ key: String, in what: String, at parent: Node, range: ClosedRange<Int>? = nil
    ) throws -> Int {
        guard let node = map[key] else { throw fail(parent, "\(what): missing field '\(key)'") }
        return try int(node, "\(what).\(key)", range: range)
    }

    /// A whole number, within `range` when one is given (a day offset of 2^63 once passed a
    /// check and crashed an import).
    public func int(_ node: Node, _ what: String, range: ClosedRange<Int>? = nil) throws -> Int {
        guard case .scalar = node, let v = node.int else {
            let within = range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? ""
            throw fail(node, "\(what) must be a whole number\(within)")
        }
        if let range, !range.contains(v) {
            throw fail(node, "\(what) must be from \(range.lowerBound) to \(range.upperBound) (got \(v))")
        }
        return v
    }

    public func bool(_ node: Node, _ what: String) throws -> Bool {
        guard case .scalar = node, let v = node.bool else { throw fail(node, "\(what) must be true or false") }
        return v
    }

    /// The node at a path of keys and indices (for rules checked after reading).
    public func node(at path: [AnyHashable]) -> Node? {
        var n: Node? = root
        for p in path {
            guard let cur = n else { return nil }
            if let k = p as? String, case .mapping(let m) = cur {
                n = m[k]
            } else if let i = p as? Int, case .sequence(let s) = cur, i < s.count {
                n = s[i]
            } else {
                return n
            }
        }
        return n
    }
}

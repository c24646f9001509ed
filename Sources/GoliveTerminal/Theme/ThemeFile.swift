import Foundation
import GoliveIO
import Yams

/// Theme files (YAML): a palette of named colours, then roles that use them.
///
///     name: deuteranopia
///     palette: {blue: "#0072b2", orange: "#e69f00"}
///     roles:
///       rag.red: {fg: orange, bold: true}
///       rag.green: {fg: blue}
public enum ThemeFile {
    public static func load(path: String) throws -> Theme {
        try read(YAMLReader.load(path: path))
    }

    public static func parse(_ text: String, file: String) throws -> Theme {
        try read(YAMLReader.parse(text, file: file))
    }

    static func read(_ y: YAMLReader) throws -> Theme {
        let top = try y.mapping(y.root, "theme", allowed: ["name", "palette", "roles"])
        let name = try top["name"].map { try y.string($0, "name") } ?? "unnamed"
        var palette: [String: Color] = [:]
        if let p = top["palette"] {
            for (k, v) in try y.mapping(p, "palette") {
                let text = try y.string(v, "palette.\(k)")
                guard let c = Color(text) else {
                    throw y.fail(
                        v, "palette.\(k): '\(text)' is not a colour (a name like red, bright-blue, 0–255, or #rrggbb)")
                }
                palette[k] = c
            }
        }
        var styles = Theme.defaults
        if let r = top["roles"] {
            let roles = Set(Role.allCases.map(\.rawValue))
            for (k, v) in try y.mapping(r, "roles") {
                guard let role = Role(rawValue: k), roles.contains(k) else {
                    throw y.fail(
                        v, "unknown role '\(k)' (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                var s = Style()
                for (attr, value) in try y.mapping(
                    v, "roles.\(k)", allowed: ["fg", "bg", "bold", "dim", "reverse", "underline"])
                {
                    switch attr {
                    case "fg", "bg":
                        let text = try y.string(value, "roles.\(k).\(attr)")
                        guard let c = palette[text] ?? Color(text) else {
                            throw y.fail(value, "roles.\(k).\(attr): '\(text)' is neither a palette name nor a colour")
                        }
                        if attr == "fg" { s.fg = c } else { s.bg = c }
                    case "bold": s.bold = try y.bool(value, "roles.\(k).bold")
                    case "dim": s.dim = try y.bool(value, "roles.\(k).dim")
                    case "reverse": s.reverse = try y.bool(value, "roles.\(k).reverse")
                    default: s.underline = try y.bool(value, "roles.\(k).underline")
                    }
                }
                styles[role] = s
            }
        }
        return Theme(name: name, styles: styles)
    }
}

import Foundation
import GoliveIO
import Yams

/// A colour as a theme names it; the backend brings it down to what the terminal has.
public enum Color: Hashable, Sendable {
    case `default`
    /// 0–15: black, red, green, yellow, blue, magenta, cyan, white, then the bright ones.
    case ansi(Int)
    /// 0–255, the xterm palette.
    case indexed(Int)
    case rgb(Int, Int, Int)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// "default", "red", "bright-blue", "208", "#ff8800".
    public init?(_ text: String) {
        let t = text.lowercased()
        if t == "default" || t == "none" {
            self = .default
            return
        }
        if let i = Color.names.firstIndex(of: t) {
            self = .ansi(i)
            return
        }
        if t.hasPrefix("bright-"), let i = Color.names.firstIndex(of: String(t.dropFirst(7))) {
            self = .ansi(i + 8)
            return
        }
        if let n = Int(t), (0...255).contains(n) {
            self = .indexed(n)
            return
        }
        if t.hasPrefix("#"), t.count == 7, let v = Int(t.dropFirst(), radix: 16) {
            self = .rgb(v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF)
            return
        }
        return nil
    }

    /// The colour number for a terminal with `colors` colours: -1 for the terminal's own
    /// default, nil when the terminal has no colour at all. Truecolor → 256 → 16 → 8.
    public func number(colors: Int) -> Int? {
        guard colors >= 8 else { return nil }
        switch self {
        case .default: return -1
        case .ansi(let i): return colors >= 16 ? i : i % 8
        case .indexed(let n):
            if colors >= 256 { return n }
            let (r, g, b) = Color.rgb(of: n)
            return Color.rgb(r, g, b).number(colors: colors) ?? n % colors
        case .rgb(let r, let g, let b):
            if colors >= 0x100_0000 { return r << 16 | g << 8 | b }  // direct colour
            if colors >= 256 { return Color.nearest256(r, g, b) }
            return Color.nearestANSI(r, g, b, count: colors >= 16 ? 16 : 8)
        }
    }

    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    static func rgb(of index: Int) -> (Int, Int, Int) {
        if index < 16 { return ansiRGB[index] }
        if index < 232 {
            let i = index - 16
            let steps = [0, 95, 135, 175, 215, 255]
            return (steps[i / 36], steps[i / 6 % 6], steps[i % 6])
        }
        let v = 8 + (index - 232) * 10
        return (v, v, v)
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }

    static func nearest256(_ r: Int, _ g: Int, _ b: Int) -> Int {
        (16..<256).min { distance(rgb(of: $0), (r, g, b)) < distance(rgb(of: $1), (r, g, b)) } ?? 16
    }

    static func nearestANSI(_ r: Int, _ g: Int, _ b: Int, count: Int) -> Int {
        (0..<count).min { distance(ansiRGB[$0], (r, g, b)) < distance(ansiRGB[$1], (r, g, b)) } ?? 0
    }
}

public struct Style: Hashable, Sendable {
    public var fg: Color = .default
    public var bg: Color = .default
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false
    public init(
        fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false, reverse: Bool = false,
        underline: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }
}

/// Semantic roles over a palette. Defaults live here; a theme file overrides only the
/// roles it names. State never depends on colour alone: every RAG has a glyph and letter.
public struct Theme: Sendable {
    public var name: String
    public var styles: [Role: Style]

    public static let defaults: [Role: Style] = [
        .normal: Style(), .header: Style(fg: .ansi(15), bg: .ansi(4), bold: true),
        .footer: Style(fg: .ansi(0), bg: .ansi(7)),
        .dim: Style(dim: true), .selection: Style(reverse: true), .title: Style(bold: true),
        .key: Style(fg: .ansi(6), bold: true),
        .badge: Style(fg: .ansi(0), bg: .ansi(3), bold: true), .detail: Style(fg: .ansi(6)),
        .ragRed: Style(fg: .ansi(1), bold: true), .ragAmber: Style(fg: .ansi(3), bold: true),
        .ragGreen: Style(fg: .ansi(2)),
        .achieved: Style(fg: .ansi(2), dim: true), .overdue: Style(fg: .ansi(1)),
        .stalled: Style(fg: .ansi(5), bold: true),
        .changed: Style(fg: .ansi(6), underline: true), .laneTitle: Style(bold: true, underline: true),
        .laneFocus: Style(fg: .ansi(6), bold: true, underline: true), .statusOK: Style(fg: .ansi(2), bold: true),
        .statusError: Style(fg: .ansi(1), bold: true), .prompt: Style(fg: .ansi(3), bold: true),
    ]

    public static let `default` = Theme(name: "default", styles: defaults)

    public func style(_ role: Role) -> Style { styles[role] ?? Theme.defaults[role] ?? Style() }

    /// The same theme without colour: `NO_COLOR`, or a terminal without colours. Bold,
    /// reverse and underline remain, so the selection and the RAG letters still read.
    public var monochrome: Theme {
        Theme(
            name: name,
            styles: styles.mapValues { s in
                var m = s
                m.fg = .default
                m.bg = .default
                return m
            })
    }
}

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

/// Where themes are found: the user's folder first, then the shipped `Themes/` folder,
/// looked up beside the executable (an install's `share/golive/themes`, or the source
/// tree's `Themes/` above `.build/`), so the built binary finds them from any folder.
public struct ThemeCatalog: Sendable {
    public var directories: [String]

    public init(userDirectory: String, executablePath: String = CommandLine.arguments[0]) {
        var dirs = [userDirectory]
        let exe = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        dirs.append(dir.deletingLastPathComponent().appendingPathComponent("share/golive/themes").path)
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("default.yaml").path) {
                dirs.append(candidate.path)
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        directories = dirs
    }

    /// Theme names and the file each comes from (a user's theme hides a shipped one).
    public func list() -> [(name: String, path: String)] {
        var seen: [String: String] = [:]
        for d in directories.reversed() {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: d)) ?? [] where f.hasSuffix(".yaml") {
                seen[String(f.dropLast(5))] = (d as NSString).appendingPathComponent(f)
            }
        }
        return seen.map { ($0.key, $0.value) }.sorted { $0.name < $1.name }
    }

    /// A theme by name or path; "default" works even with no file at all.
    public func theme(_ nameOrPath: String) throws -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") { return try ThemeFile.load(path: nameOrPath) }
        if let entry = list().first(where: { $0.name == nameOrPath }) { return try ThemeFile.load(path: entry.path) }
        if nameOrPath == "default" { return .default }
        throw FileError(
            file: nameOrPath, reason: "no such theme (available: \(list().map(\.name).joined(separator: ", ")))")
    }
}

/// Glyphs for states; ASCII where the locale is not UTF-8.
public struct Glyphs: Sendable {
    public var unicode: Bool
    public init(unicode: Bool) { self.unicode = unicode }

    public func rag(_ r: RAGLike) -> String {
        switch r {
        case .red: unicode ? "✖" : "x"
        case .amber: unicode ? "▲" : "!"
        case .green: unicode ? "●" : "o"
        case .achieved: unicode ? "✔" : "+"
        }
    }
    public var ellipsis: String { unicode ? "…" : "..." }
    public var separator: String { unicode ? "│" : "|" }
    public var arrow: String { unicode ? "→" : "->" }
}

public enum RAGLike { case red, amber, green, achieved }

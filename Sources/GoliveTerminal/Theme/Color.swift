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
        // One grammar each: digits only (no sign), or # and exactly six hex digits.
        if !t.isEmpty, t.count <= 3, t.allSatisfy(\.isASCII), t.allSatisfy(\.isNumber), let n = Int(t),
            (0...255).contains(n)
        {
            self = .indexed(n)
            return
        }
        if t.hasPrefix("#"), t.count == 7, t.dropFirst().allSatisfy(\.isHexDigit), t.allSatisfy(\.isASCII),
            let v = Int(t.dropFirst(), radix: 16)
        {
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

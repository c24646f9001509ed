import Foundation
import Testing

@testable import GoliveTerminal

/// Red, amber and green must read as three colours in every shipped theme at every colour
/// depth the backend maps to. The measure is CIE76 ΔE (Euclidean distance in CIELAB, D65
/// white) between the colours the terminal shows, with xterm's values for the 16 ANSI
/// colours: at least 50. The reported pair, 256-colour 166 beside amber's 178, is 47.
struct PaletteDistanceTests {
    static let least = 50.0
    static let depths = [8, 16, 256, 0x100_0000]

    /// The colour a terminal with `colors` colours shows for `c`, nil for its own default.
    static func shown(_ c: Color, colors: Int) -> (Int, Int, Int)? {
        guard let n = c.number(colors: colors), n >= 0 else { return nil }
        switch c {
        case .default: return nil
        case .ansi: return Color.ansiRGB[n]
        case .indexed: return colors >= 256 ? Color.rgb(of: n) : Color.ansiRGB[n]
        case .rgb(let r, let g, let b):
            if colors >= 0x100_0000 { return (r, g, b) }
            return colors >= 256 ? Color.rgb(of: n) : Color.ansiRGB[n]
        }
    }

    static func lab(_ c: (Int, Int, Int)) -> (Double, Double, Double) {
        func linear(_ v: Int) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        let (r, g, b) = (linear(c.0), linear(c.1), linear(c.2))
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116.0 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    static func deltaE(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        let (p, q) = (lab(a), lab(b))
        return ((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1) + (p.2 - q.2) * (p.2 - q.2)).squareRoot()
    }

    /// The colour that carries a state: its background where it has one (a badge), else its text.
    static func mark(_ s: Style, colors: Int) -> (Int, Int, Int)? {
        shown(s.bg, colors: colors) ?? shown(s.fg, colors: colors)
    }

    static var themes: [Theme] {
        get throws {
            try [Theme.default]
                + BuiltinThemes.files.keys.sorted().map { try ThemeFile.parse(BuiltinThemes.files[$0]!, file: $0) }
        }
    }

    @Test func theMeasureTellsTheReportedPairApart() {
        #expect(Self.deltaE(Color.rgb(of: 166), Color.rgb(of: 178)) < Self.least)
        #expect(Self.deltaE(Color.rgb(of: 160), Color.rgb(of: 178)) >= Self.least)
    }

    @Test func redAmberAndGreenAreDistinctAndFarApartInEveryThemeAndDepth() throws {
        for theme in try Self.themes {
            let roles: [(String, Role)] = [("red", .ragRed), ("amber", .ragAmber), ("green", .ragGreen)]
            for colors in Self.depths {
                let marks = roles.map { ($0.0, Self.mark(theme.style($0.1), colors: colors)) }
                guard marks.contains(where: { $0.1 != nil }) else {
                    // A theme without colour (mono) tells them apart by bold and underline.
                    let styles = roles.map { theme.style($0.1) }
                    #expect(Set(styles.map { "\($0.bold)\($0.underline)\($0.reverse)" }).count == 3, "\(theme.name)")
                    continue
                }
                for i in marks.indices {
                    for j in marks.indices where j > i {
                        let (a, b) = (marks[i], marks[j])
                        let (ca, cb) = try (
                            #require(a.1, "\(theme.name) \(a.0)"), #require(b.1, "\(theme.name) \(b.0)")
                        )
                        let d = Self.deltaE(ca, cb)
                        #expect(
                            d >= Self.least,
                            "\(theme.name) at \(colors) colours: \(a.0) \(ca) and \(b.0) \(cb) are ΔE \(Int(d)) apart")
                    }
                }
            }
        }
    }

    @Test func theDefaultRedIsRedOn256ColourTerminals() throws {
        let theme = try ThemeFile.parse(BuiltinThemes.files["default"]!, file: "default")
        #expect(theme.style(.ragRed).fg.number(colors: 256) == 160)
        #expect(theme.style(.ragAmber).fg.number(colors: 256) == 178)
    }
}

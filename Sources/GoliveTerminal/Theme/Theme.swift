import Foundation
import GoliveIO
import Yams

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
        .timelineCritical: Style(fg: .ansi(5), bold: true), .timelineToday: Style(fg: .ansi(6), bold: true),
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

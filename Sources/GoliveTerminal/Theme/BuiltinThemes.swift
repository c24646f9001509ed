/// The themes that ship inside the binary, so an installed golive lists and uses them from
/// any folder; a file of the same name in the user's theme folder replaces one. They are
/// the files of the project's `Themes/` folder, word for word (a test holds them equal).
enum BuiltinThemes {
    static let files: [String: String] = [
        "default": """
        # The default look. Roles not named here keep golive's built-in style.
        # Colours: a name (red, bright-blue), an xterm index (0-255), or #rrggbb; the terminal
        # gets the nearest it can show (truecolor → 256 → 16 → 8 → none).
        name: default
        palette:
          red: "#d42020"
          amber: "#e5a50a"
          green: "#2ea043"
          accent: "#1f6feb"
        roles:
          header: {fg: bright-white, bg: accent, bold: true}
          footer: {fg: black, bg: white}
          rag.red: {fg: red, bold: true}
          rag.amber: {fg: amber, bold: true}
          rag.green: {fg: green}
          achieved: {fg: green, dim: true}
          overdue: {fg: red}
          selection: {reverse: true}
        """,
        "deuteranopia": """
        # For red-green colour blindness: blue for good, yellow and vermillion for trouble
        # (Okabe–Ito colours; their orange is too near vermillion to tell apart at a glance).
        # Every state also has its glyph and letter.
        name: deuteranopia
        palette:
          blue: "#0072b2"
          sky: "#56b4e9"
          orange: "#e69f00"
          vermillion: "#d55e00"
          yellow: "#f0e442"
        roles:
          header: {fg: bright-white, bg: blue, bold: true}
          rag.red: {fg: vermillion, bold: true, underline: true}
          rag.amber: {fg: yellow, bold: true}
          rag.green: {fg: blue}
          achieved: {fg: sky, dim: true}
          overdue: {fg: vermillion, underline: true}
          stalled: {fg: orange, bold: true}
          status.error: {fg: vermillion, bold: true}
          status.ok: {fg: blue, bold: true}
        """,
        "high-contrast": """
        # Strong contrast for bright rooms and low vision, on a dark or a light terminal alike:
        # text keeps the terminal's own colour; every mark is black on a pure, bright background.
        name: high-contrast
        roles:
          normal: {fg: default}
          header: {fg: black, bg: bright-yellow, bold: true}
          footer: {fg: black, bg: bright-white, bold: true}
          dim: {fg: default}
          title: {fg: default, bold: true, underline: true}
          rag.red: {fg: black, bg: bright-red, bold: true}
          rag.amber: {fg: black, bg: bright-yellow, bold: true}
          rag.green: {fg: black, bg: bright-green, bold: true}
          achieved: {fg: black, bg: bright-green}
          overdue: {fg: default, bold: true, underline: true}
          stalled: {fg: black, bg: bright-magenta, bold: true}
          detail: {fg: black, bg: bright-cyan, bold: true}
          status.error: {fg: bright-white, bg: red, bold: true}
          selection: {reverse: true, bold: true}
          status.ok: {fg: black, bg: bright-green, bold: true}
          prompt: {fg: black, bg: bright-yellow, bold: true}
          key: {fg: default, bold: true, underline: true}
          changed: {fg: black, bg: bright-cyan, bold: true}
          lane.title: {fg: default, bold: true, underline: true}
          lane.focus: {fg: black, bg: bright-cyan, bold: true}
          badge: {fg: black, bg: bright-yellow, bold: true}
          timeline.critical: {fg: default, bold: true}
          timeline.today: {fg: black, bg: bright-cyan, bold: true}
        """,
        "mono": """
        # No colour at all: states read from glyphs and letters, emphasis from bold and underline.
        name: mono
        roles:
          header: {reverse: true, bold: true}
          footer: {reverse: true}
          dim: {dim: true}
          rag.red: {bold: true, underline: true}
          rag.amber: {bold: true}
          rag.green: {}
          achieved: {dim: true}
          overdue: {underline: true}
          stalled: {bold: true}
          detail: {}
          lane.focus: {bold: true, underline: true}
          badge: {reverse: true, bold: true}
          status.ok: {bold: true}
          status.error: {bold: true, underline: true}
          prompt: {bold: true}
          key: {bold: true}
          changed: {underline: true}
          timeline.critical: {bold: true, underline: true}
          timeline.today: {bold: true}
        """,
    ]
}

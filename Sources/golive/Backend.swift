import CNcursesw
import Foundation
import GoliveTerminal
import Synchronization

/// The signal that asked us to stop (SIGINT, SIGTERM, SIGHUP), seen by the key loop.
let pendingSignal = Atomic<Int32>(0)

/// The only code that talks to ncurses: it copies the canvas to the screen, sets up
/// colours from the theme, and decodes keys. Every curses call stays on the main thread.
final class Backend {
    enum Input {
        case key(Key)
        case resize(Int, Int)
    }

    let theme: Theme
    let unicode: Bool
    private(set) var colors = 0
    private var pairs: [Role: Int32] = [:]
    private var previous: Canvas?
    private var screen: OpaquePointer?
    init(theme: Theme, unicode: Bool) {
        self.theme = theme
        self.unicode = unicode
    }

    /// Whether the terminal `TERM` names can move the cursor: one that cannot (`dumb`,
    /// an Emacs shell) would show the header and take keys blind.
    static func canAddressCursor() -> Bool { golive_can_address_cursor() != 0 }

    /// Starts curses on the terminal; nil when there is none (TERM unset or unknown).
    func start() -> Bool {
        // Without the user's locale, ncursesw draws every non-ASCII character as a blank.
        setlocale(LC_ALL, "")
        screen = newterm(nil, golive_stdout(), golive_stdin())
        guard let screen else { return false }
        set_term(screen)
        Backend.active.store(true, ordering: .relaxed)
        cbreak()
        noecho()
        nonl()
        keypad(golive_stdscr(), true)
        curs_set(0)
        // ESCDELAY outside 0–10,000 ms was warned about and is not used (see `Environment`).
        escapeDelay = Int(Environment.number("ESCDELAY") ?? 25)
        set_escdelay(Int32(escapeDelay))
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        if has_colors() && !noColor {
            start_color()
            use_default_colors()
            colors = Int(golive_colors())
        }
        setUpPairs()
        installSignalHandlers()
        return true
    }

    func stop() {
        guard screen != nil else { return }
        endwin()
        Backend.active.store(false, ordering: .relaxed)
        delscreen(screen)
        screen = nil
    }

    var size: (Int, Int) { (Int(golive_cols()), Int(golive_lines())) }

    private func setUpPairs() {
        guard colors >= 8 else { return }
        var next: Int32 = 1
        var byColours: [[Int]: Int32] = [:]
        for role in Role.allCases {
            let s = theme.style(role)
            let fg = s.fg.number(colors: colors) ?? -1
            let bg = s.bg.number(colors: colors) ?? -1
            if fg == -1 && bg == -1 { continue }
            if let p = byColours[[fg, bg]] {
                pairs[role] = p
                continue
            }
            guard next < golive_color_pairs() else { break }
            init_extended_pair(next, Int32(fg), Int32(bg))
            byColours[[fg, bg]] = next
            pairs[role] = next
            next += 1
        }
    }

    private func attributes(_ role: Role, highlighted: Bool) -> attr_t {
        let s = colors >= 8 ? theme.style(role) : theme.monochrome.style(role)
        var a = golive_a_normal()
        if s.bold { a |= golive_a_bold() }
        if s.dim { a |= golive_a_dim() }
        if s.underline { a |= golive_a_underline() }
        if s.reverse != highlighted { a |= golive_a_reverse() }
        return a
    }

    /// Copies the canvas out, cell by cell where it changed since the last frame; ncurses
    /// then sends only the difference to the terminal.
    func draw(_ canvas: Canvas) {
        let full = previous.map { $0.width != canvas.width || $0.height != canvas.height } ?? true
        if full { werase(golive_stdscr()) }
        var wide: [wchar_t] = Array(repeating: 0, count: 6)
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                if cell.continuation { continue }
                if !full, let p = previous, p[x, y] == cell, x + 1 >= canvas.width || p[x + 1, y] == canvas[x + 1, y] {
                    continue
                }
                var n = 0
                if unicode {
                    for u in cell.text.unicodeScalars where n < 5 {
                        wide[n] = wchar_t(bitPattern: u.value)
                        n += 1
                    }
                } else {
                    // Not a UTF-8 terminal: anything outside ASCII shows as '?' per column.
                    let u = cell.text.unicodeScalars.first ?? " "
                    wide[0] = wchar_t(bitPattern: u.isASCII ? u.value : 0x3F)
                    n = 1
                }
                if n == 0 {
                    wide[0] = 0x20
                    n = 1
                }
                wide[n] = 0
                _ = golive_put_cell(
                    Int32(y), Int32(x), wide, attributes(cell.role, highlighted: cell.highlighted),
                    pairs[cell.role] ?? 0)
                if !unicode && x + 1 < canvas.width && canvas[x + 1, y].continuation {
                    wide[0] = 0x3F
                    wide[1] = 0
                    _ = golive_put_cell(
                        Int32(y), Int32(x + 1), wide, attributes(cell.role, highlighted: cell.highlighted),
                        pairs[cell.role] ?? 0)
                }
            }
        }
        previous = canvas
        wnoutrefresh(golive_stdscr())
        doupdate()
    }

    /// Forget the last frame (after a resize or resume the screen must be drawn whole).
    func invalidate() {
        previous = nil
        clearok(golive_stdscr(), true)
    }

    /// The next key, or nil after `timeout` milliseconds without one (or with only a
    /// sequence that means nothing here).
    func read(timeout: Int32) -> Input? {
        if let r = pendingResize {
            pendingResize = nil
            return r
        }
        wtimeout(golive_stdscr(), timeout)
        var ch: wint_t = 0
        let r = wget_wch(golive_stdscr(), &ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_RESIZE:
                invalidate()
                return .resize(Int(golive_cols()), Int(golive_lines()))
            case KEY_MOUSE:
                // ncurses took the report's start (`kmous`) and leaves the rest to be read:
                // read it whole, so its characters never arrive as keys.
                _ = KeySequence.decode(after: mouseStart, next: nextInSequence)
                return nil
            default:
                // Every key terminfo names, by its capability's name: `KeySequence` and the
                // entry agree on what each one means.
                guard let name = keyname(Int32(ch)) else { return nil }
                return Key.terminfo(String(cString: name)).map { .key($0) }
            }
        }
        if ch == 27 {
            // ncurses hands back ESC and what follows when its entry does not know the
            // sequence (tmux's End under xterm-256color): decode it here, never as Esc + letters.
            let key = KeySequence.decode(next: nextInSequence)
            if let resize = pendingResize, key == nil {
                pendingResize = nil
                return resize
            }
            return key.map { .key($0) }
        }
        return Key.character(UInt32(ch)).map { .key($0) }
    }

    /// A resize that came in the middle of a sequence, for the next read.
    private var pendingResize: Input?

    /// What ncurses already read of a mouse report when it says KEY_MOUSE, after the ESC.
    private lazy var mouseStart: [Unicode.Scalar] = {
        let name = strdup("kmous")
        defer { free(name) }
        guard let s = tigetstr(name), Int(bitPattern: s) != -1 else { return ["[", "M"] }
        return Array(String(cString: s).unicodeScalars.dropFirst())
    }()

    /// The next character of a sequence, or nil when none came within the escape delay. A
    /// key ncurses decoded itself after the ESC (Alt with an arrow) stands in as a character
    /// that ends the sequence as "ignored".
    private func nextInSequence() -> Unicode.Scalar? {
        wtimeout(golive_stdscr(), Int32(escapeDelay))
        var ch: wint_t = 0
        let r = wget_wch(golive_stdscr(), &ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES {
            if Int32(ch) == KEY_RESIZE {
                invalidate()
                pendingResize = .resize(Int(golive_cols()), Int(golive_lines()))
                return nil
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(UInt32(ch)) ?? "\u{FFFD}"
    }

    private var escapeDelay = 25

    /// Whether curses owns the terminal: the crash handler restores it only then.
    static let active = Atomic<Bool>(false)

    private func installSignalHandlers() {
        // A parent may have started us with signals blocked; resize, suspend and quit
        // requests must reach us.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT] { sigaddset(&wanted, sig) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        // Quit requests are handled by the key loop, which restores the terminal and exits.
        // Ctrl-\ (SIGQUIT) too: the runtime would otherwise print its backtrace over the screen.
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig) { s in pendingSignal.store(s, ordering: .relaxed) }
        }
        // A crash must not leave the terminal in raw mode: restore it, then die as before.
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(sig) { s in
                if Backend.active.load(ordering: .relaxed) { endwin() }
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }
}

import Foundation
import GoliveDomain

/// Prints to standard output through the same neutralising the board uses: names, titles
/// and paths come from data and files, and no escape sequence in them reaches a terminal.
func say(_ text: String, terminator: String = "\n") {
    print(Text.inertLines(text), terminator: terminator)
}

/// The widest a table's cell is printed: cut with "…" on a terminal, to keep its columns in
/// line; never when standard output is a pipe or a file, where a script wants every word.
func tableCellLimit() -> Int? { isatty(STDOUT_FILENO) == 1 ? 60 : nil }

import Foundation
import GoliveDomain

/// Prints to standard output through the same neutralising the board uses: names, titles
/// and paths come from data and files, and no escape sequence in them reaches a terminal.
func say(_ text: String, terminator: String = "\n") {
    print(Text.inertLines(text), terminator: terminator)
}

import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

/// A problem a user must fix, printed as one line.
struct UsageProblem: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Writes to standard error without buffering surprises, and without a password: every
/// message golive writes there passes here.
func printError(_ s: String) {
    FileHandle.standardError.write(Data((StoreSecrets.hidden(in: s) + "\n").utf8))
}

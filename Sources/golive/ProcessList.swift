import Foundation
import GoliveStore

/// A password written into a `postgresql://user:password@host/db` argument (or as its
/// `?password=`) is in the
/// process list (`ps`, `/proc/PID/cmdline`) for as long as golive runs: it is overwritten
/// there once the arguments are copied, as `mysql` and `psql`'s own tools do with theirs.
/// (`PGPASSWORD` or `~/.pgpass` keep it out of the command line to begin with.)
enum ProcessList {
    static func hidePasswords() {
        for i in 1..<Int(CommandLine.argc) {
            guard let arg = CommandLine.unsafeArgv[i] else { continue }
            let text = String(cString: arg)
            for range in PostgresSecrets.ranges(in: text) {
                let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
                let end = text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
                for k in start..<end { arg[k] = CChar(UInt8(ascii: "x")) }
            }
        }
    }
}

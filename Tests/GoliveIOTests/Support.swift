import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport

func day(_ s: String) -> Day { Day(iso: s)! }

let builtins = try! PlaybookCatalog.load(userDirectory: nil)

func describe(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch { return "\(error)" }
}

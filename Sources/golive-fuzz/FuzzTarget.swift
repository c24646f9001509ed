import Foundation

/// Every parser of outside input, and the update function under arbitrary keys: each a
/// libFuzzer target (README "Data safety"). An input may be refused with any message; it
/// may never crash, hang, or leave a store unsound.
enum FuzzTarget: String, CaseIterable {
    case csv, playbook, theme, keys, restore, backup, changes, dates, board

    /// Names the target for `GOLIVE_FUZZ_TARGET`, as libFuzzer passes no arguments of its own.
    static func chosen() -> FuzzTarget {
        let name = ProcessInfo.processInfo.environment["GOLIVE_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("golive-fuzz: set GOLIVE_FUZZ_TARGET to one of \(names)\n".utf8))
            exit(2)
        }
        return target
    }

    func run(_ data: Data) {
        switch self {
        case .csv: Fuzzing.csv(data)
        case .playbook: Fuzzing.playbook(data)
        case .theme: Fuzzing.theme(data)
        case .keys: Fuzzing.keys(data)
        case .restore: Fuzzing.restore(data)
        case .backup: Fuzzing.backup(data)
        case .changes: Fuzzing.changes(data)
        case .dates: Fuzzing.dates(data)
        case .board: Fuzzing.board(data)
        }
    }
}

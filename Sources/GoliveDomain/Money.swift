import Foundation

/// ARR as people say it on a board and in a status report: "$480k", "$1.2M", "$900".
public enum Money {
    public static func short(_ v: Int) -> String {
        switch v {
        case 1_000_000...: return "$" + trim(Double(v) / 1_000_000) + "M"
        case 1_000...: return "$" + trim(Double(v) / 1_000) + "k"
        default: return "$\(v)"
        }
    }

    static func trim(_ d: Double) -> String {
        d >= 100 ? String(Int(d.rounded())) : String(format: "%.1f", d).replacingOccurrences(of: ".0", with: "")
    }
}

extension Sequence where Element == Int {
    /// The sum, held at `Int.max` rather than trapping: a store written before the limits
    /// may hold any ARR, and adding them up must not stop a lead's screen.
    public func saturatingSum() -> Int {
        reduce(0) { sum, v in
            let (r, overflow) = sum.addingReportingOverflow(v)
            return overflow ? (v > 0 ? Int.max : Int.min) : r
        }
    }
}

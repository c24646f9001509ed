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

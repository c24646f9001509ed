import CSV
import Foundation
import GoliveDomain
import GoliveStore

extension Reports {
    public static func number(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(format: "%.1f", d)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = JSONKeys.encoding
        return Text.inertJSON(String(decoding: try e.encode(value), as: UTF8.self)) + "\n"
    }
}

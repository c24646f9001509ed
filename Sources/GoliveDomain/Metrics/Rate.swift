/// A share: `part` of `whole`.
public struct Rate: Hashable, Codable, Sendable {
    public var part: Int
    public var whole: Int
    public init(_ part: Int, of whole: Int) {
        self.part = part
        self.whole = whole
    }
    public var value: Double? { whole == 0 ? nil : Double(part) / Double(whole) }
    public var percent: String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
}

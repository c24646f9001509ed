/// Values numbered by their key in the order first met: the metrics hash each CSM's name
/// and each stage's key once per account, then add up by number.
struct FirstMet<Value> {
    private var slots: [String: Int] = [:]
    private(set) var values: [Value] = []

    /// The number of `key`, given the next one (and `value` kept) when it is new.
    mutating func slot(_ key: String, _ value: @autoclosure () -> Value) -> Int {
        if let k = slots[key] { return k }
        slots[key] = values.count
        values.append(value())
        return values.count - 1
    }
}

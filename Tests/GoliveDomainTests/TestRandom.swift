/// A random sequence fixed by its seed (Knuth's MMIX generator), so a failing case runs the
/// same again: the tests' shuffled agendas and rewound rows.
struct TestRandom {
    private var x: UInt64

    init(seed: UInt64) { x = seed }

    /// A number in 0..<n.
    mutating func next(_ n: UInt64) -> Int {
        x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((x >> 33) % n)
    }
}

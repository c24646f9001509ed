import Testing

@testable import GoliveDomain

struct SpreadTests {
    /// Counted into place or compared, the order is the same: narrow day counts, negative
    /// slips, one far outlier, extremes that would overflow a span, duplicates, none at all.
    @Test(arguments: [
        [], [7], [3, 3, 3], [20, 8, 59, 8], [-14, 0, 0, 0, 21, -3], [5, 400_000, 6, 5],
        [Int.min, 0, Int.max], [Int.max, Int.max - 1], Array((0..<500).map { ($0 * 7_919) % 365 - 60 }),
    ])
    func valuesCountedIntoPlaceAreInTheOrderSortingGives(_ values: [Int]) {
        #expect(Spread.ordered(values) == values.sorted())
    }

    /// The quartiles by hand: positions 0.25, 0.5 and 0.75 of the way along, interpolated.
    @Test func quartilesInterpolateBetweenNeighbours() {
        let s = Spread([10, 0, 30, 20])
        #expect(s.count == 4 && s.min == 0 && s.max == 30)
        #expect(s.p25 == 7.5 && s.median == 15 && s.p75 == 22.5)
        #expect(Spread([]).median == nil && Spread([]).count == 0)
    }
}

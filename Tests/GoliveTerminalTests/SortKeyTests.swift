import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

struct SortKeyTests {
    /// Each order written out plainly, as the user reads it: the oracle for the compact keys.
    static func before(_ order: BoardSort, _ a: BoardRow, _ b: BoardRow) -> Bool {
        func rank(_ r: RAG) -> Int { r == .red ? 2 : r == .amber ? 1 : 0 }
        let byName =
            a.name.lowercased() != b.name.lowercased() ? a.name.lowercased() < b.name.lowercased() : a.id < b.id
        switch order {
        case .worstFirst:
            let ka = (a.completed ? 1 : 0, -rank(a.rag), a.stall == nil ? 1 : 0, a.goLive.ordinal)
            let kb = (b.completed ? 1 : 0, -rank(b.rag), b.stall == nil ? 1 : 0, b.goLive.ordinal)
            return ka != kb ? ka < kb : byName
        case .goLive:
            let ka = (a.completed ? 1 : 0, (a.goLiveAchieved ?? a.goLive).ordinal)
            let kb = (b.completed ? 1 : 0, (b.goLiveAchieved ?? b.goLive).ordinal)
            return ka != kb ? ka < kb : byName
        case .slip:
            func slip(_ r: BoardRow) -> Int { r.goLiveAchieved == nil ? r.goLiveForecast - r.goLive : -1 }
            let ka = (a.completed ? 1 : 0, -slip(a), a.goLive.ordinal)
            let kb = (b.completed ? 1 : 0, -slip(b), b.goLive.ordinal)
            return ka != kb ? ka < kb : byName
        case .daysInStage:
            let (oa, ob) = (a.daysInStage - a.slaDays, b.daysInStage - b.slaDays)
            return oa != ob ? oa > ob : byName
        case .arr: return a.arr != b.arr ? a.arr > b.arr : byName
        case .name: return byName
        }
    }

    @Test(arguments: BoardSort.allCases)
    func theSortKeyGivesTheOrderTheUserExpects(_ order: BoardSort) throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 60))
        var rows = s.state.rows.values
        #expect(s.state.visible == rows.sorted { Self.before(.worstFirst, $0, $1) }.map(\.id))
        // Extremes the packed keys must still order: no ARR and half a trillion, go-lives a
        // century apart, a stage ten thousand days over its SLA and one far inside it.
        rows[0].arr = 0
        rows[1].arr = 500_000_000_000
        rows[2].goLive = Day(iso: "1970-01-01")!
        rows[3].goLive = Day(iso: "2099-12-31")!
        rows[4].daysInStage = 10_000
        rows[5].slaDays = 10_000
        rows[6].goLiveForecast = rows[6].goLive + 400
        rows[7].goLiveForecast = rows[7].goLive + 3
        let byKey = rows.map { order.key(RowKeys($0, csm: 0, stage: 0)) }.sorted().map {
            rows[BoardSort.rank(of: $0)].id
        }
        #expect(rows.sorted { Self.before(order, $0, $1) }.map(\.id) == byKey)
    }

    @Test func theGoLiveOrderListsOpenOnboardingsBeforeCompletedOnesEitherWay() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 60))
        s.press(.char("s"))
        #expect(s.state.sort == .goLive)
        func completed() -> [Bool] { s.state.visible.map { s.state.rows[$0]?.completed == true } }
        #expect(completed().contains(true) && completed().contains(false))
        #expect(completed() == completed().sorted { !$0 && $1 })
        let open = s.state.visible.filter { s.state.rows[$0]?.completed == false }
        let days = open.compactMap { s.state.rows[$0].map { $0.goLiveAchieved ?? $0.goLive } }
        #expect(days == days.sorted())
        s.press(.char("S"))
        #expect(completed() == completed().sorted { !$0 && $1 })
        #expect(s.state.visible.prefix(open.count).elementsEqual(open.reversed()))
    }

    @Test func aReversalEndsWhenTheNextOrderIsChosen() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 60))
        s.press(.char("s"), .char("S"))
        #expect(s.state.sort == .goLive && s.state.sortReversed)
        s.press(.char("s"))
        #expect(s.state.sort == .slip && !s.state.sortReversed)
        #expect(s.state.status?.text == "sorted by go-live slip")
        let other = TempDir()
        let natural = try session(try makeStore(other, seeded: 60))
        natural.press(.char("s"), .char("s"))
        #expect(
            s.state.visible.map { s.state.rows[$0]?.name } == natural.state.visible.map { natural.state.rows[$0]?.name }
        )
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines
        #expect(screen[0].contains("sort: go-live slip") && !screen[0].contains("reversed"))
    }
}

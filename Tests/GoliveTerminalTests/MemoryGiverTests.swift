import Foundation
import GoliveTerminal
import Testing

@Suite struct MemoryGiverTests {
    final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.withLock { n += 1 } }
        var value: Int { lock.withLock { n } }
    }

    /// (work noted since the last time, seconds since it, whether memory is given back)
    static let cases: [(worked: Bool, after: TimeInterval, givesBack: Bool)] = [
        (true, 30, true),
        (true, 31, true),
        (true, 29.9, false),
        (false, 30, false),
        (false, 3600, false),
        (true, 0, false),
    ]

    @Test(arguments: cases)
    func memoryIsGivenBackOnlyAfterWorkAndOnlyOncePerInterval(worked: Bool, after: TimeInterval, givesBack: Bool) {
        let start = Date(timeIntervalSince1970: 1_000_000)
        let count = Count()
        let giver = MemoryGiver(every: 30, since: start, giveBack: { count.add() })
        if worked { giver.noteWork() }
        #expect(giver.giveBackIfDue(now: start.addingTimeInterval(after)) == givesBack)
        giver.settle()
        #expect(count.value == (givesBack ? 1 : 0))
    }

    @Test func memoryIsGivenBackAtMostOncePerIntervalAndNeverForAnIdleBoard() {
        let start = Date(timeIntervalSince1970: 1_000_000)
        let count = Count()
        let giver = MemoryGiver(every: 30, since: start, giveBack: { count.add() })
        giver.noteWork()
        #expect(giver.giveBackIfDue(now: start.addingTimeInterval(30)))
        giver.noteWork()
        #expect(!giver.giveBackIfDue(now: start.addingTimeInterval(50)), "not within 30 s of the last time")
        #expect(giver.giveBackIfDue(now: start.addingTimeInterval(60)), "the work noted at 50 s is not forgotten")
        #expect(!giver.giveBackIfDue(now: start.addingTimeInterval(3600)), "an idle board is left alone")
        giver.settle()
        #expect(count.value == 2)
    }

    @Test func givingBackFreePagesLeavesLiveMemoryIntact() {
        let kept = (0..<1000).map { Array(repeating: UInt8($0 % 251), count: 4096) }
        var dropped = (0..<1000).map { _ in Array(repeating: UInt8(7), count: 4096) }
        dropped.removeAll()
        MemoryGiver.returnFreePages()
        #expect(kept.enumerated().allSatisfy { i, page in page.allSatisfy { $0 == UInt8(i % 251) } })
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// glibc keeps what a thread frees in that thread's own arena (up to 64 MB each) and gives
/// little of it back on its own: the lead screens' reads off the key path left a board at
/// 10,000 accounts holding 290 MB, of which 170 MB was free (measured with `malloc_trim`
/// from a debugger during a soak). A board that runs all day in a shared tmux session
/// should hold what it uses, so now and then, after work was done, the free pages go back.
public final class MemoryGiver: @unchecked Sendable {
    /// Often enough that a day of screens never piles up; rarely enough that the walk over
    /// the arenas (about 2 ms, tens of ms with much to give back) costs nothing noticeable.
    public static let every: TimeInterval = 30
    private let queue = DispatchQueue(label: "golive.memory", qos: .utility)
    private let interval: TimeInterval
    private let giveBack: @Sendable () -> Void
    private var last: Date
    private var worked = false

    public init(
        every interval: TimeInterval = MemoryGiver.every, since start: Date = Date(),
        giveBack: @escaping @Sendable () -> Void = MemoryGiver.returnFreePages
    ) {
        self.interval = interval
        self.last = start
        self.giveBack = giveBack
    }

    /// Something happened that may have allocated: a key, a read, a refresh.
    public func noteWork() { worked = true }

    /// Gives free memory back, off the key path, when work was done since the last time
    /// and the interval has passed; whether it did.
    @discardableResult
    public func giveBackIfDue(now: Date) -> Bool {
        guard worked, now.timeIntervalSince(last) >= interval else { return false }
        last = now
        worked = false
        queue.async(execute: giveBack)
        return true
    }

    /// Waits until a giving back already started has finished.
    public func settle() { queue.sync {} }

    /// Every arena's free pages back to the system (`malloc_trim` walks them all since glibc
    /// 2.8). Found at run time: Swift's Glibc module leaves out `malloc.h`, and a C library
    /// without it simply keeps its memory.
    public static let returnFreePages: @Sendable () -> Void = {
        #if canImport(Glibc)
            typealias Trim = @convention(c) (Int) -> Int32
            guard let found = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
            _ = unsafeBitCast(found, to: Trim.self)(0)
        #endif
    }
}

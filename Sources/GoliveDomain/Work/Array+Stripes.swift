import Foundation

extension Array {
    /// `map`, with the elements cut into one contiguous stripe per core and the stripes
    /// worked on at once: a report works out 10,000 accounts' rules and texts, each on its
    /// own, on a machine with two cores. Results come back in the elements' order; the first
    /// stripe's error, if any, is thrown (work that cannot fail needs no `try`).
    /// `transform` must not change anything shared. Below `minimumPerStripe` elements per
    /// stripe the work stays on the calling thread, where handing it over would cost more
    /// than it saves. Inlinable so that each caller's use is compiled for its own types:
    /// left generic across modules, looking up the types' metadata at run time took 8% of
    /// the metrics report.
    @inlinable
    public func stripedMap<T, E: Error>(minimumPerStripe: Int = 64, _ transform: (Element) throws(E) -> T) throws(E)
        -> [T]
    {
        let stripes = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(1, minimumPerStripe))
        if stripes <= 1 { return try map(transform) }
        let parts = withoutActuallyEscaping(transform) { transform in
            let work = StripedWork(items: self, stripes: stripes, transform: transform)
            DispatchQueue.concurrentPerform(iterations: stripes) { work.run(stripe: $0) }
            return [Result<[T], E>](work.slots)
        }
        var all: [T] = []
        all.reserveCapacity(count)
        for part in parts { all += try part.get() }
        return all
    }
}

/// The shared state of one `stripedMap`: each stripe reads the items and writes only its
/// own slot of `slots` (memory set aside once, so no stripe touches another's or the
/// array's bookkeeping), and the caller reads the slots only after every stripe has ended:
/// what makes handing it to other threads sound.
@usableFromInline
final class StripedWork<Element, T, E: Error>: @unchecked Sendable {
    @usableFromInline let items: [Element]
    @usableFromInline let transform: (Element) throws(E) -> T
    @usableFromInline let slots: UnsafeMutableBufferPointer<Result<[T], E>>

    @inlinable
    init(items: [Element], stripes: Int, transform: @escaping (Element) throws(E) -> T) {
        self.items = items
        self.transform = transform
        slots = .allocate(capacity: stripes)
        slots.initialize(repeating: .success([]))
    }

    @inlinable
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    @inlinable
    func run(stripe k: Int) {
        let n = slots.count
        let range = (k * items.count / n)..<((k + 1) * items.count / n)
        do throws(E) {
            slots[k] = .success(try items[range].map(transform))
        } catch {
            slots[k] = .failure(error)
        }
    }
}

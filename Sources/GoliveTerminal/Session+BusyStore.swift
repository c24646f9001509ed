import Foundation
import GoliveDomain
import GoliveStore

/// A change the store was too busy to take when its key was pressed (another program held
/// a write transaction): tried again off the key path until it is saved, refused, or the
/// store stayed busy too long.
final class PendingSave: @unchecked Sendable {
    let change: Change
    let accountID: Int64
    let expected: RowVersion?
    let origin: ChangeOrigin
    private let lock = NSLock()
    private var outcome: Result<SavedChange, any Error>?
    private let finished = DispatchSemaphore(value: 0)

    init(_ change: Change, on accountID: Int64, expected: RowVersion?, origin: ChangeOrigin) {
        self.change = change
        self.accountID = accountID
        self.expected = expected
        self.origin = origin
    }

    func finish(_ result: Result<SavedChange, any Error>) {
        lock.withLock { outcome = result }
        finished.signal()
    }

    var result: Result<SavedChange, any Error>? { lock.withLock { outcome } }

    func wait() {
        finished.wait()
        finished.signal()
    }
}

extension Session {
    static let stillSaving = "still saving your last change (the store is busy): nothing was changed"

    /// Keeps trying `pending` on a connection of its own until it is saved, refused, or
    /// `busyRetryFor` has passed; `collect()` takes the outcome in.
    func retryWhenFree(_ pending: PendingSave) {
        self.pending = pending
        send(.working("the store is busy (another program is writing): saving your change when it is free…"))
        let (who, today, at) = (state.user, state.today, now())
        let deadline = Date().addingTimeInterval(busyRetryFor)
        let location = store.path
        // A connection of its own (the key path keeps the session's), opened here as
        // opening may itself wait for the store.
        writeQueue.async {
            var writer: Store?
            while true {
                do {
                    let w = try writer ?? Store(path: location, mode: .readWrite)
                    writer = w
                    let saved = try w.save(
                        pending.change, on: pending.accountID, who: who, today: today, now: at,
                        expected: pending.expected, waitingIfBusy: false)
                    pending.finish(.success(saved))
                    return
                } catch let e as StoreError where e.isBusy && Date() < deadline {
                    usleep(50_000)
                } catch {
                    pending.finish(.failure(error))
                    return
                }
            }
        }
    }

    /// Takes in the outcome of a change saved off the key path; whether there was one.
    func collectPendingSave() -> Bool {
        guard let p = pending, let result = p.result else { return false }
        pending = nil
        switch result {
        case .success(let saved):
            committed(saved, origin: p.origin)
        case .failure(let e as StoreError) where e.isBusy:
            // `.new`: an undo or redo that could not be saved stays on its stack.
            send(
                .refused(
                    "store busy — nothing was changed (another program held it for \(Int(busyRetryFor)) s)",
                    fresh: nil))
        case .failure(let r as Refusal):
            let fresh = (try? store.account(p.accountID)) ?? nil
            let shown = state.accounts[p.accountID]?.version
            send(.refused(r.message, fresh: fresh?.version != shown ? fresh : nil, origin: p.origin))
        case .failure(let error):
            send(.refused("\(error)", fresh: nil, origin: p.origin))
        }
        return true
    }

    /// Whether a change is being tried again on a busy store.
    public var isSaving: Bool { pending != nil }

    /// Before the program ends: a change still being retried is waited for, so what the
    /// status line promised is kept or said to have failed.
    public func settle() {
        guard let p = pending else { return }
        p.wait()
        _ = collectPendingSave()
    }
}

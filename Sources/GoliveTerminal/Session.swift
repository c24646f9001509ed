import Foundation
import GoliveDomain
import GoliveStore

/// The front end's state together with the store it saves to. `send` runs the update
/// function and performs the effects it returns, feeding their results back in — the
/// one place where anything is written, so a read-only store refuses every change here,
/// whatever screen asked. Tests drive a Session with keys exactly as the terminal does.
public final class Session {
    public private(set) var state: AppState
    public let store: Store
    /// The clock of saved events (tests pin it).
    public var now: () -> Date = { Date() }

    public init(store: Store, state: AppState) {
        self.store = store
        self.state = state
    }

    public func send(_ action: Action) {
        for effect in state.update(action) { perform(effect) }
    }

    public func press(_ keys: Key...) { for k in keys { send(.key(k)) } }

    /// Types text as single-character keys.
    public func type(_ text: String) { for c in text { send(.key(.char(c))) } }

    func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            state.quitting = true
        case .reload:
            do { send(.loaded(try store.accounts())) } catch { send(.refused("\(error)", fresh: nil)) }
        case let .perform(change, id, expected, isUndo):
            guard let before = state.accounts[id] else { return }
            if store.readOnly {
                send(.refused("read-only: nothing was changed", fresh: nil))
                return
            }
            do {
                let (after, event) = try store.perform(change, on: id, who: state.user, today: state.today, now: now(), expected: expected)
                send(.saved(before: before, after: after, event: event, isUndo: isUndo))
            } catch let r as Refusal {
                // A stale view gets the fresh account along with the refusal.
                let fresh = (try? store.account(id)) ?? nil
                send(.refused(r.message, fresh: fresh?.version != before.version ? fresh : nil))
            } catch {
                send(.refused("\(error)", fresh: nil))
            }
        }
    }
}

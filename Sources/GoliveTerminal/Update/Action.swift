import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// What happened: a key, a resize, or the result of an effect the runtime performed.
public enum Action: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A reload the user asked for.
    case loaded(Snapshot)
    /// Another instance committed: the accounts it changed are marked for a moment.
    case refreshed(Snapshot, at: Date)
    /// The team store stopped answering (true) or answers again (false).
    case connection(offline: Bool)
    /// The store's file was deleted, moved or replaced: from now on changes are refused,
    /// for the reason given.
    case storeLost(String)
    /// Time passed (expires the marks of changed rows).
    case tick(Date)
    case saved(SavedChange, origin: ChangeOrigin)
    /// A change (or a read) was refused; `fresh` is the account as the store has it now.
    case refused(String, fresh: Account?, origin: ChangeOrigin = .new)
    case historyLoaded(Int64, [Event])
    /// Accounts read whole because a screen needs them (`AppState.missing`).
    case fetched([Account])
    case agendaLoaded([AgendaItem])
    /// The agenda's first screen and its counts, read ahead of the whole of it.
    case agendaHead(AgendaHead)
    /// The agenda items of these accounts, read again after they changed.
    case agendaChanged(accounts: [Int64], mine: Bool, [AgendaItem])
    case metricsLoaded(MetricsReport)
    case changesLoaded(ChangesSince, [AccountChange])
    /// The Changes screen's first lines (every account's), read ahead of the whole list.
    case changesHead(ChangesSince, [AccountChange])
    /// What changed on these accounts, read again after they changed.
    case changesChanged(ChangesSince, accounts: [Int64], mine: Bool, [AccountChange])
    /// Something slow has begun (the status line says what, until it is done).
    case working(String)
}

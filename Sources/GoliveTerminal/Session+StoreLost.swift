import Foundation
import GoliveDomain
import GoliveStore

extension Session {
    /// Whether the store's file is gone from under the board (deleted, moved or replaced).
    /// The first time, every saved change is put where a later golive finds it, the user is
    /// told where, and changes are refused from then on: a change written now would go into
    /// a file nobody opens again.
    @discardableResult
    func noticeLostStore() -> Bool {
        if storeLost { return true }
        guard !store.isTeamStore else { return false }
        let whereabouts = store.whereabouts()
        guard whereabouts != .inPlace else { return false }
        storeLost = true
        let kept = Result { try store.keepWhatWasSaved(whereabouts) }
        let (short, full) = Session.lostStoreMessages(whereabouts, kept: kept)
        lostStoreNotice = full
        send(.storeLost(short))
        return true
    }

    /// What the status line says (what happened first, as a long path may be cut off) and
    /// what golive prints when it ends.
    static func lostStoreMessages(_ whereabouts: StoreWhereabouts, kept: Result<String, any Error>) -> (
        String, String
    ) {
        let what: String
        switch whereabouts {
        case .inPlace: return ("", "")
        case .moved: what = "moved"
        case .deleted: what = "deleted"
        case .replaced: what = "replaced by another file"
        }
        switch kept {
        case .success(let at):
            let place = Text.inert(at)
            if case .moved = whereabouts {
                return (
                    "store file \(what): changes refused — it is now \(place)",
                    "the store file was moved to \(place) while golive ran: everything saved is there; "
                        + "start golive with --store \(place)"
                )
            }
            return (
                "store file \(what): changes refused — everything saved is in \(place)",
                "the store file was \(what) while golive ran: golive wrote everything saved to \(place); "
                    + "start golive again"
            )
        case .failure(let error):
            return (
                "store file \(what): changes refused — golive could not write out what it held",
                "the store file was \(what) while golive ran, and golive could not write out what it held: \(error)"
            )
        }
    }
}

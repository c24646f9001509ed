import ArgumentParser
import Foundation
import GoliveStore

extension EventsCommand {
    /// How long a follower waits for a team store that does not answer before it gives up:
    /// long enough for a server's restart or upgrade, short enough that a supervisor hears
    /// of a server that is gone.
    static let reconnectLimit: TimeInterval = 3_600
    /// The first wait before connecting again, doubled after each failure up to `longestWait`.
    static let firstWait: TimeInterval = 0.5
    static let longestWait: TimeInterval = 30

    /// Follows a team store, connecting again whenever the connection is lost and going on
    /// after the last event printed (ids grow in commit order, so none is missed or repeated).
    func followReconnecting(_ first: Store) throws {
        var store: Store? = first
        var last = after
        var lostSince: Date?
        var wait = Self.firstWait
        while true {
            do {
                let current = try store ?? common.open(.readOnly)
                store = current
                var version = try current.dataVersion()
                last = try printEvents(from: current, after: last)
                if lostSince != nil {
                    printError("golive: reconnected to \(current.path)")
                    lostSince = nil
                    wait = Self.firstWait
                }
                while true {
                    usleep(Self.pollInterval)
                    let now = try current.dataVersion()
                    if now != version {
                        version = now
                        last = try printEvents(from: current, after: last)
                    }
                }
            } catch let e as StoreError where !e.deniesAccess {
                store = nil
                try lost(first.path, e.description, since: &lostSince, wait: &wait)
            } catch let e as PostgresError where !e.deniesAccess {
                store = nil
                try lost(first.path, e.description, since: &lostSince, wait: &wait)
            }
        }
    }

    /// Says once that the connection was lost, waits before the next try, and gives up
    /// past `reconnectLimit`.
    private func lost(_ shown: String, _ why: String, since: inout Date?, wait: inout TimeInterval) throws {
        let now = Date()
        if let since, now.timeIntervalSince(since) > Self.reconnectLimit {
            printError("golive: \(shown) did not answer for an hour (\(why)): stopped following (exit status 3)")
            throw ExitCode(Self.storeGone)
        }
        if since == nil {
            since = now
            printError("golive: lost the connection to \(shown) (\(why)): reconnecting")
        }
        usleep(useconds_t(wait * 1_000_000))
        wait = min(wait * 2, Self.longestWait)
    }
}

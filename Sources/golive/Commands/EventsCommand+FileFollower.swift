import ArgumentParser
import Foundation
import GoliveDomain
import GoliveStore

extension EventsCommand {
    /// The exit status of a follower whose store went away (a file deleted, moved or
    /// replaced; a team store that did not answer for `reconnectLimit`).
    static let storeGone: Int32 = 3

    /// Follows a store file until it is stopped or the file is taken away. Its connection
    /// keeps reading the file it opened whatever happens to the name, so without looking
    /// it would wait, silently and forever, on a file no one writes any more.
    func followFile(_ store: Store) throws {
        var last = after
        var version: Int
        do {
            last = try printEvents(from: store, after: after)
            version = try store.dataVersion()
        } catch let e as ExitCode {
            throw e
        } catch {
            // Damaged before the first read was done (a loaded machine is slow to start).
            throw damaged(store, error)
        }
        while true {
            usleep(Self.pollInterval)
            let whereabouts = store.whereabouts()
            guard whereabouts == .inPlace else {
                // What was committed to the file before it went is still in it: printed first.
                var unread = ""
                do {
                    _ = try printEvents(from: store, after: last)
                } catch let e as StoreError {
                    unread = " (its last events could not be read: \(e))"
                }
                printError("golive: \(Self.gone(store.path, whereabouts))\(unread): stopped following (exit status 3)")
                throw ExitCode(Self.storeGone)
            }
            do {
                let now = try store.dataVersion()
                if now != version {
                    version = now
                    last = try printEvents(from: store, after: last)
                }
            } catch let e as ExitCode {
                throw e
            } catch {
                throw damaged(store, error)
            }
        }
    }

    /// A store damaged in place (truncated, scribbled over): no event can be trusted after.
    /// Says so in SQLite's own words, without the statement it was running.
    private func damaged(_ store: Store, _ error: Error) -> ExitCode {
        let said = (error as? StoreError)?.description ?? "\(error)"
        let why = said.components(separatedBy: " - while executing").first ?? said
        printError(
            "golive: the store file \(store.path) can no longer be read (\(Text.inert(why))): "
                + "stopped following (exit status 3)")
        return ExitCode(Self.storeGone)
    }

    private static func gone(_ path: String, _ whereabouts: StoreWhereabouts) -> String {
        switch whereabouts {
        case .inPlace: return "the store file \(path) is in place"
        case .moved(let to): return "the store file \(path) was moved to \(to)"
        case .deleted: return "the store file \(path) was deleted"
        case .replaced: return "the store file \(path) was replaced by another file"
        }
    }
}

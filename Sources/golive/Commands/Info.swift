import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the version and the paths in use.")
    @OptionGroup var common: CommonOptions
    func run() throws {
        let p = common.paths
        let path = try common.storePath()
        let team = PostgresLocation.isURL(path)
        let exists = team || FileManager.default.fileExists(atPath: path)
        // A team store is shown as it is read, never with its password; one that cannot be
        // read is named as such, as every other command names it.
        let shown = team ? try PostgresLocation(path).description : path
        say(
            """
            golive \(Golive.version)
            store:      \(Text.inert(shown))\(team ? " (PostgreSQL)" : exists ? "" : " (not created yet)")
            demo store: \(p.demoStore)
            config:     \(p.configDirectory)
            playbooks:  \(p.playbookDirectory)
            themes:     \(p.themeDirectory)
            keys:       \(p.keysFile)
            today:      \(try common.today().iso)
            user:       \(Text.inert(try common.who()))
            """)
    }
}

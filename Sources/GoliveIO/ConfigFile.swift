import Foundation

/// `$XDG_CONFIG_HOME/golive/config.yaml`: settings a user keeps between runs. Today one:
/// `user:`, the name changes are recorded under and "my accounts" means, when the login
/// (`$USER`) is not how the team writes the CSM's name ("asouza" for "Ana Souza").
public struct ConfigFile: Sendable, Equatable {
    public var user: String?
    /// New onboardings a CSM can take per quarter (the seeds' benchmark is 6–8).
    public var capacity: Int?

    public init(user: String? = nil, capacity: Int? = nil) {
        self.user = user
        self.capacity = capacity
    }

    /// The settings in `path`; none when the file does not exist. Any problem is an error
    /// naming the file and line: a misspelt setting is not silently ignored.
    public static func load(path: String) throws -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        let y = try YAMLReader.load(path: path)
        let top = try y.mapping(y.root, "config", allowed: ["user", "capacity"])
        return ConfigFile(
            user: try top["user"].map { try y.string($0, "user") },
            capacity: try top["capacity"].map { try y.int($0, "capacity", range: 1...100) })
    }
}

import Foundation

/// Where golive keeps things, by the XDG base directory rules.
public struct Paths: Sendable {
    public var dataDirectory: String
    public var configDirectory: String

    public init(environment env: [String: String] = ProcessInfo.processInfo.environment) {
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func xdg(_ key: String, _ fallback: String) -> String {
            if let v = env[key], v.hasPrefix("/") { return v }  // the spec ignores relative values
            return (home as NSString).appendingPathComponent(fallback)
        }
        dataDirectory = (xdg("XDG_DATA_HOME", ".local/share") as NSString).appendingPathComponent("golive")
        configDirectory = (xdg("XDG_CONFIG_HOME", ".config") as NSString).appendingPathComponent("golive")
    }

    public var defaultStore: String { (dataDirectory as NSString).appendingPathComponent("portfolio.sqlite") }
    public var demoStore: String { (dataDirectory as NSString).appendingPathComponent("demo.sqlite") }
    public var playbookDirectory: String { (configDirectory as NSString).appendingPathComponent("playbooks") }
    public var themeDirectory: String { (configDirectory as NSString).appendingPathComponent("themes") }
    public var keysFile: String { (configDirectory as NSString).appendingPathComponent("keys.yaml") }
    /// The executables run after each change (`on-change`).
    public var hooksDirectory: String { (configDirectory as NSString).appendingPathComponent("hooks") }
    /// Where hooks that failed or hung are written down.
    public var hooksLog: String { (dataDirectory as NSString).appendingPathComponent("hooks.log") }
    public var configFile: String { (configDirectory as NSString).appendingPathComponent("config.yaml") }
}

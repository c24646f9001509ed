import Foundation
import GoliveDomain

/// `$XDG_CONFIG_HOME/golive/config.yaml`: settings a user keeps between runs. `user:`, the
/// name changes are recorded under and "my accounts" means, when the login (`$USER`) is not
/// how the team writes the CSM's name ("asouza" for "Ana Souza"); `capacity:`, new
/// onboardings a CSM can take per quarter; `capacity_weights:`, what one onboarding of a
/// segment counts as (`{enterprise: 2, smb: 0.5}`).
public struct ConfigFile: Sendable, Equatable {
    public var user: String?
    /// New onboardings a CSM can take per quarter (the seeds' benchmark is 6–8).
    public var capacity: Int?
    public var weights: [Segment: Double]

    public init(user: String? = nil, capacity: Int? = nil, weights: [Segment: Double] = [:]) {
        self.user = user
        self.capacity = capacity
        self.weights = weights
    }

    /// The capacity these settings give (the benchmark where none is set).
    public var capacitySetting: Capacity { Capacity(perQuarter: capacity ?? Capacity.benchmark, weights: weights) }

    /// The settings in `path`; none when the file does not exist. Any problem is an error
    /// naming the file and line: a misspelt setting is not silently ignored.
    public static func load(path: String) throws -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        let y = try YAMLReader.load(path: path)
        let top = try y.mapping(y.root, "config", allowed: ["user", "capacity", "capacity_weights"])
        var weights: [Segment: Double] = [:]
        if let node = top["capacity_weights"] {
            let names = Set(Segment.allCases.map(\.rawValue))
            for (key, value) in try y.mapping(node, "capacity_weights", allowed: names) {
                guard let segment = Segment(rawValue: key) else { continue }
                guard case .scalar(let s) = value, let w = Double(s.string), w > 0, w <= 10 else {
                    throw y.fail(value, "capacity_weights.\(key) must be a number above 0 and at most 10")
                }
                weights[segment] = w
            }
        }
        return ConfigFile(
            user: try top["user"].map { try y.string($0, "user") },
            capacity: try top["capacity"].map { try y.int($0, "capacity", range: 1...100) }, weights: weights)
    }
}

import Foundation

/// What one change replaced: the rows as they were before it, so the portfolio can be
/// shown as it stood on any past day (`Account.rewound(by:)`). Kept with its event.
public struct Prior: Hashable, Codable, Sendable {
    /// The change created the account: before it, there was none.
    public var created = false
    /// The day of the account's newest activity before the change, when the change moved it.
    public var lastActivity: Day?
    /// The account's own fields the change replaced, each by its coding key, as JSON.
    /// Kept by key so a change to one field stores that field only.
    public var fields: [String: String] = [:]
    /// Tasks, checkpoints and touchpoints as they were, for the rows the change edited or removed.
    public var tasks: [OnboardingTask] = []
    public var checkpoints: [Checkpoint] = []
    public var touchpoints: [Touchpoint] = []
    /// The ids of the rows the change added: before it, they were not there.
    public var addedTasks: [Int64] = []
    public var addedCheckpoints: [Int64] = []
    public var addedTouchpoints: [Int64] = []

    public init(created: Bool = false) {
        self.created = created
    }

    public var isEmpty: Bool { self == Prior() }

    private enum CodingKeys: String, CodingKey {
        case created, lastActivity, fields, tasks, checkpoints, touchpoints, addedTasks, addedCheckpoints,
            addedTouchpoints
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        created = try c.decodeIfPresent(Bool.self, forKey: .created) ?? false
        lastActivity = try c.decodeIfPresent(Day.self, forKey: .lastActivity)
        fields = try c.decodeIfPresent([String: String].self, forKey: .fields) ?? [:]
        tasks = try c.decodeIfPresent([OnboardingTask].self, forKey: .tasks) ?? []
        checkpoints = try c.decodeIfPresent([Checkpoint].self, forKey: .checkpoints) ?? []
        touchpoints = try c.decodeIfPresent([Touchpoint].self, forKey: .touchpoints) ?? []
        addedTasks = try c.decodeIfPresent([Int64].self, forKey: .addedTasks) ?? []
        addedCheckpoints = try c.decodeIfPresent([Int64].self, forKey: .addedCheckpoints) ?? []
        addedTouchpoints = try c.decodeIfPresent([Int64].self, forKey: .addedTouchpoints) ?? []
    }

    /// Only what is there: a task's status change stores that task and nothing else.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if created { try c.encode(created, forKey: .created) }
        try c.encodeIfPresent(lastActivity, forKey: .lastActivity)
        if !fields.isEmpty { try c.encode(fields, forKey: .fields) }
        if !tasks.isEmpty { try c.encode(tasks, forKey: .tasks) }
        if !checkpoints.isEmpty { try c.encode(checkpoints, forKey: .checkpoints) }
        if !touchpoints.isEmpty { try c.encode(touchpoints, forKey: .touchpoints) }
        if !addedTasks.isEmpty { try c.encode(addedTasks, forKey: .addedTasks) }
        if !addedCheckpoints.isEmpty { try c.encode(addedCheckpoints, forKey: .addedCheckpoints) }
        if !addedTouchpoints.isEmpty { try c.encode(addedTouchpoints, forKey: .addedTouchpoints) }
    }
}

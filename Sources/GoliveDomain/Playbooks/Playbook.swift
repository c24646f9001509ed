/// A reusable onboarding template (PRODUCT.md "Playbook"). Offsets are days from the
/// contract-signed date; applying a playbook turns them into real dates.
public struct Playbook: Hashable, Sendable {
    public var name: String

    public var title: String

    public var summary: String

    public var thresholds: Thresholds

    public var stages: [StageTemplate]

    public var checkpoints: [CheckpointTemplate]

    public var tasks: [TaskTemplate]

    public var touchpoints: [TouchpointTemplate]

    public init(
        name: String, title: String, summary: String = "", thresholds: Thresholds = Thresholds(),
        stages: [StageTemplate], checkpoints: [CheckpointTemplate], tasks: [TaskTemplate],
        touchpoints: [TouchpointTemplate] = []
    ) {
        self.name = name
        self.title = title
        self.summary = summary
        self.thresholds = thresholds
        self.stages = stages
        self.checkpoints = checkpoints
        self.tasks = tasks
        self.touchpoints = touchpoints
    }
}

extension Playbook {
    public struct StageTemplate: Hashable, Sendable {
        public var key: String
        public var name: String
        public var sla: [Segment: Int]
        public init(key: String, name: String, sla: [Segment: Int]) {
            self.key = key
            self.name = name
            self.sla = sla
        }
    }

    public struct CheckpointTemplate: Hashable, Sendable {
        public var key: String
        public var name: String
        public var stage: String
        public var dueOffset: Int
        public var customerConfirms: Bool
        public var milestone: Milestone?
        public init(
            key: String, name: String, stage: String, dueOffset: Int, customerConfirms: Bool = false,
            milestone: Milestone? = nil
        ) {
            self.key = key
            self.name = name
            self.stage = stage
            self.dueOffset = dueOffset
            self.customerConfirms = customerConfirms
            self.milestone = milestone
        }
    }

    public struct TaskTemplate: Hashable, Sendable {
        public var key: String
        public var title: String
        public var lane: Lane
        public var ownerRole: String
        public var dueOffset: Int
        public var checkpoint: String
        public var dependsOn: [String]
        public init(
            key: String, title: String, lane: Lane, ownerRole: String, dueOffset: Int, checkpoint: String,
            dependsOn: [String] = []
        ) {
            self.key = key
            self.title = title
            self.lane = lane
            self.ownerRole = ownerRole
            self.dueOffset = dueOffset
            self.checkpoint = checkpoint
            self.dependsOn = dependsOn
        }
    }

    public struct TouchpointTemplate: Hashable, Sendable {
        public var day: Int
        public var audience: String
        public var channel: String
        public var objective: String
        public init(day: Int, audience: String, channel: String, objective: String) {
            self.day = day
            self.audience = audience
            self.channel = channel
            self.objective = objective
        }
    }
}

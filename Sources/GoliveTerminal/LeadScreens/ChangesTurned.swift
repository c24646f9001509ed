import GoliveDomain

/// How many accounts on the Changes screen turned red and amber (new ones not counted:
/// they had no colour before), for its header.
public struct ChangesTurned: Equatable, Sendable {
    public var red = 0
    public var amber = 0

    init(red: Int, amber: Int) {
        self.red = red
        self.amber = amber
    }

    init(_ list: [AccountChange]) {
        for c in list {
            if c.turned == .red { red += 1 }
            if c.turned == .amber { amber += 1 }
        }
    }
}

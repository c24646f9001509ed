import GoliveDomain

/// One saved change: the account as its transaction found it and left it, and its event.
public struct SavedChange: Sendable {
    public var before: Account
    public var after: Account
    public var event: Event
}

import GoliveDomain

/// Which CSM a login means, for "my accounts": logins are rarely written as the team writes
/// names ("asouza", "ana.souza" or "ana" for "Ana Souza").
enum CSMMatch: Equatable {
    /// The user's name is a CSM's name (case and accents aside).
    case exact(Int)
    /// The login is a usual short form of exactly one CSM's name, or starts its words.
    case login(Int)
    /// A short form of several CSMs' names.
    case ambiguous([String])
    case none
}

extension BoardRows {
    /// The matcher over this board's CSMs, the one `csm:`, `m` and `--csm` share.
    var csmMatcher: CSMMatcher { CSMMatcher(names: csmNames) }

    func csm(matching user: String) -> CSMMatch {
        switch csmMatcher.match(user) {
        case .exact(let name): csmNames.firstIndex(of: name).map(CSMMatch.exact) ?? .none
        case .one(let name): csmNames.firstIndex(of: name).map(CSMMatch.login) ?? .none
        case .ambiguous(let names): .ambiguous(names)
        case .none: .none
        }
    }
}

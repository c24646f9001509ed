import GoliveDomain

/// Which CSM a login means, for "my accounts": logins are rarely written as the team writes
/// names ("asouza", "ana.souza" or "ana" for "Ana Souza").
enum CSMMatch: Equatable {
    /// The user's name is a CSM's name (case and accents aside).
    case exact(Int)
    /// The login is a usual short form of exactly one CSM's name.
    case login(Int)
    /// A short form of several CSMs' names.
    case ambiguous([String])
    case none
}

extension BoardRows {
    func csm(matching user: String) -> CSMMatch {
        if let i = csm(named: user) { return .exact(i) }
        let login = Folded.fold(user).filter { $0.isLetter || $0.isNumber }
        guard !login.isEmpty else { return .none }
        let found = csms.indices.filter { BoardRows.forms(of: csms[$0]).contains(login) }
        switch found.count {
        case 0: return .none
        case 1: return .login(found[0])
        default: return .ambiguous(found.map { csmNames[$0] })
        }
    }

    /// The short forms a login may take of a folded name: "ana souza" gives anasouza, ana,
    /// souza, asouza and anas.
    static func forms(of name: String) -> Set<String> {
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard let first = words.first, let last = words.last else { return [] }
        var forms: Set<String> = [words.joined(), first, last]
        if words.count > 1, let f = first.first, let l = last.first {
            forms.insert(String(f) + last)
            forms.insert(first + String(l))
        }
        return forms
    }
}

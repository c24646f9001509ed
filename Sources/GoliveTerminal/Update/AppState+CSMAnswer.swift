import GoliveDomain

extension AppState {
    /// The CSM the answer to `o` names, read as `csm:`, `m` and `--csm` read a name, so that
    /// "ana" is Ana Souza and never a new CSM called "ana"; nil keeps the question open saying
    /// why. A name that fits no CSM is taken only at a second Enter on the same text.
    mutating func knownCSM(_ p: Prompt, new: String?) -> String? {
        let text = p.text.trimmingCharacters(in: .whitespaces)
        switch rows.csmMatcher.match(text) {
        case .exact(let name), .one(let name):
            return name
        case .ambiguous(let names):
            _ = askAgain(
                p, "'\(text)' could be \(names.joined(separator: " or ")): type more of the name (Tab completes)")
            return nil
        case .none:
            if new == text { return text }
            var again = p
            again.purpose = .csm(new: text)
            _ = askAgain(
                again,
                "'\(text)' is not a CSM yet: Enter again makes a new CSM of that name (Tab completes a known one)")
            return nil
        }
    }
}

import Foundation

/// Which CSM a typed name means: one matcher for the board's `csm:` filter, "my accounts"
/// (`m`, from the user's login) and every `--csm` option, so a form that works in one works
/// in all. Case and accents never matter. From the closest fit to the loosest:
/// 1. the whole name ("ana souza", "ANA SOUZA");
/// 2. a usual short form of it, as logins are written: "anasouza", "ana.souza", "ana",
///    "souza", "asouza", "anas";
/// 3. the starts of its words, in order ("an", "an sou", "sou"); never the middle of a word,
///    so "ana" is not Dana Okafor.
/// Only the closest kind of fit that any CSM has counts: "ana" is Ana Souza, even beside
/// an Anabel.
public struct CSMMatcher: Sendable {
    public enum Match: Equatable, Sendable {
        /// The whole name, case and accents aside.
        case exact(String)
        /// A short form, or word starts, that fit this CSM only.
        case one(String)
        /// Fits several CSMs equally well: the candidates, in the order given.
        case ambiguous([String])
        case none
    }

    public let names: [String]
    private let folded: [String]
    private let words: [[String]]

    public init(names: [String]) {
        self.names = names
        self.folded = names.map(Folding.fold)
        self.words = names.map(Folding.words)
    }

    /// Every CSM the typed text fits, at the closest kind of fit any has (empty: none).
    public func candidates(_ typed: String) -> [String] {
        tiered(typed).names
    }

    /// The one CSM the typed text means, or why there is none.
    public func match(_ typed: String) -> Match {
        let (exact, found) = tiered(typed)
        switch found.count {
        case 0: return .none
        case 1: return exact ? .exact(found[0]) : .one(found[0])
        default: return .ambiguous(found)
        }
    }

    private func tiered(_ typed: String) -> (exact: Bool, names: [String]) {
        let given = Folding.words(typed)
        guard !given.isEmpty else { return (false, []) }
        let login = given.joined()
        let whole = Folding.fold(typed.trimmingCharacters(in: .whitespaces))
        let tiers: [(Int) -> Bool] = [
            { folded[$0] == whole },
            { CSMMatcher.forms(of: words[$0]).contains(login) },
            { CSMMatcher.startsOfWords(given, in: words[$0]) || words[$0].joined().hasPrefix(login) },
        ]
        for (i, fits) in tiers.enumerated() {
            let found = names.indices.filter(fits).map { names[$0] }
            if !found.isEmpty { return (i == 0, found) }
        }
        return (false, [])
    }

    /// The short forms a login may take of a name's folded words: "ana souza" gives
    /// anasouza, ana, souza, asouza and anas.
    static func forms(of words: [String]) -> Set<String> {
        guard let first = words.first, let last = words.last else { return [] }
        var forms: Set<String> = [words.joined(), first, last]
        if words.count > 1, let f = first.first, let l = last.first {
            forms.insert(String(f) + last)
            forms.insert(first + String(l))
        }
        return forms
    }

    /// Whether each typed word starts a word of the name, in the name's order.
    static func startsOfWords(_ given: [String], in name: [String]) -> Bool {
        var rest = name[...]
        for g in given {
            guard let i = rest.firstIndex(where: { $0.hasPrefix(g) }) else { return false }
            rest = rest[(i + 1)...]
        }
        return true
    }
}

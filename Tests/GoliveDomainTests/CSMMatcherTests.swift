import Testing

@testable import GoliveDomain

/// The one reading of a typed CSM name, shared by the board's `csm:`, `m` and `--csm`.
struct CSMMatcherTests {
    static let team = CSMMatcher(names: [
        "Ana Souza", "Dana Okafor", "Anabel Ruiz", "Björn Lindqvist", "Chen Wei 陈伟", "lee", "Fatima Al-Sayed",
    ])

    @Test(arguments: [
        // The whole name, in any case or accents.
        ("Ana Souza", CSMMatcher.Match.exact("Ana Souza")),
        ("ana souza", .exact("Ana Souza")),
        ("BJORN LINDQVIST", .exact("Björn Lindqvist")),
        // A short form, as logins are written: it beats the starts of other names' words.
        ("ana", .one("Ana Souza")),
        ("ANA", .one("Ana Souza")),
        ("asouza", .one("Ana Souza")),
        ("ana.souza", .one("Ana Souza")),
        ("anas", .one("Ana Souza")),
        ("souza", .one("Ana Souza")),
        ("bjorn", .one("Björn Lindqvist")),
        ("陈伟", .one("Chen Wei 陈伟")),
        ("dana", .one("Dana Okafor")),
        // The starts of a name's words, in order.
        ("sou", .one("Ana Souza")),
        ("oka", .one("Dana Okafor")),
        ("björn l", .one("Björn Lindqvist")),
        ("lind", .one("Björn Lindqvist")),
        ("anab", .one("Anabel Ruiz")),
        ("ana ruiz", .one("Anabel Ruiz")),
        ("al-say", .one("Fatima Al-Sayed")),
        ("an", .ambiguous(["Ana Souza", "Anabel Ruiz"])),
        ("a", .ambiguous(["Ana Souza", "Anabel Ruiz", "Fatima Al-Sayed"])),
        // Never the middle of a word, nor words out of order.
        ("na", .none),
        ("kafor", .none),
        ("souza ana", .none),
        ("zz", .none),
        ("", .none),
        ("  ", .none),
    ])
    func aTypedNameMeansTheCSMItFitsBest(_ typed: String, _ expected: CSMMatcher.Match) {
        #expect(Self.team.match(typed) == expected, "\(typed)")
    }

    @Test(arguments: [
        ("ana", ["Ana Souza"]),
        ("an", ["Ana Souza", "Anabel Ruiz"]),
        ("okafor", ["Dana Okafor"]),
        ("na", []),
    ])
    func theFilterTakesEveryCSMOfTheClosestFit(_ typed: String, _ expected: [String]) {
        #expect(Self.team.candidates(typed) == expected)
    }

    @Test func formsOfANameAreTheUsualLogins() {
        #expect(CSMMatcher.forms(of: ["ana", "souza"]) == ["anasouza", "ana", "souza", "asouza", "anas"])
        #expect(CSMMatcher.forms(of: ["lee"]) == ["lee"])
    }
}

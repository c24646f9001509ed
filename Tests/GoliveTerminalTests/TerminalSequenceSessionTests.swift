import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// Issue 37: every key sequence of four terminfo entries and the common forms, fed to every
/// screen and every kind of question, does its key's work and nothing else — no change
/// saved, no other screen, the answer typed so far kept unless the key edits it.
@Suite(.serialized)
struct TerminalSequenceSessionTests {
    /// Where the keys land: a screen, or a question (its purpose's name) with `abc` typed.
    struct Place: CustomStringConvertible, Sendable {
        let description: String
        let asks: String?
        let reach: @Sendable (Session) -> Void
        /// Keys typed a week earlier, for a question only a later day asks.
        var weekEarlier: (@Sendable (Session) -> Void)? = nil
    }

    /// A session a week after `today`, as golive started then would open.
    static func weekLater(_ store: Store) throws -> Session {
        let day = today + 7
        let s = Session(
            store: store,
            state: AppState(
                try Session.snapshot(store, user: "lee"), today: day, user: "lee", readOnly: false, width: 120,
                height: 40))
        s.now = { Date(timeIntervalSince1970: 1_795_341_600 + 7 * 86_400) }
        return s
    }

    static let screens: [Place] = [
        Place(description: "board", asks: nil) { _ in },
        Place(description: "stalled review", asks: nil) { $0.press(.char("2")) },
        Place(description: "agenda", asks: nil) { $0.press(.char("3")) },
        Place(description: "metrics", asks: nil) { $0.press(.char("4")) },
        Place(description: "changes", asks: nil) { $0.press(.char("5")) },
        Place(description: "account", asks: nil) { $0.open("Zürich") },
        Place(description: "account, approvals lane", asks: nil) { s in
            s.open("Zürich")
            s.focus(.approval)
        },
        Place(description: "history", asks: nil) { s in
            s.open("Zürich")
            s.press(.char("H"))
        },
        Place(description: "touchpoints", asks: nil) { s in
            s.open("Zürich")
            s.press(.char("t"))
        },
        Place(description: "timeline", asks: nil) { s in
            s.open("Zürich")
            s.press(.char("L"))
        },
        Place(description: "help", asks: nil) { s in
            s.open("Zürich")
            s.press(.char("?"))
        },
        Place(description: "why box", asks: nil) { s in
            s.open("Zürich")
            s.press(.char("i"))
        },
    ]

    /// A question reached by keys on the account "Zürich Re 東京" (`keys`, then `answers`
    /// each followed by Enter), or on the stalled review.
    static func question(
        _ asks: String, _ keys: String, answers: [String] = [], lane: Lane = .internal, stalled: Bool = false
    )
        -> Place
    {
        Place(description: asks, asks: asks) { s in
            if stalled {
                s.press(.char("2"))
            } else {
                s.open("Zürich")
                s.focus(lane)
            }
            s.type(keys)
            for a in answers {
                // A prefilled answer (a date question's day) is cleared first.
                s.press(.ctrl("u"))
                s.type(a)
                s.press(.enter)
            }
        }
    }

    static let questions: [Place] = [
        Place(description: "filter", asks: "filter") { $0.press(.char("/")) },
        question("blockReason", "b"),
        question("rejectReason", "X", lane: .approval),
        question("skipReason", "s"),
        question("deleteReason", "D"),
        question("waitsOn", "W"),
        question("leadsTo", "C"),
        question("newTaskTitle", "a"),
        question("newTaskOwner", "a", answers: ["Check"]),
        question("newTaskDue", "a", answers: ["Check", "lee"]),
        question("editTitle", "e"),
        question("due", "d"),
        question("checkpointDue", "M"),
        question("moveReason", "M", answers: ["+3"]),
        question("checkpointDue", "T"),
        question("owner", "o"),
        question("note", "n"),
        question("overrideReason", ">"),
        question("escalationReason", "!"),
        question("escalationTo", "!", answers: ["no sponsor"]),
        Place(description: "resolution", asks: "resolution") { s in
            s.open("Zürich")
            s.press(.char("!"))
            s.type("no sponsor")
            s.press(.enter)
            s.type("VP")
            s.press(.enter, .char("R"))
        },
        question("holdReason", "P"),
        question("holdUntil", "P", answers: ["freeze"]),
        question("nextStep", "V"),
        question("followUpDay", "V", answers: ["call Mia"]),
        question("newTouchpointDay", "ta"),
        question("newTouchpointAudience", "ta", answers: ["+3"]),
        question("newTouchpointChannel", "ta", answers: ["+3", "champion"]),
        question("newTouchpointObjective", "ta", answers: ["+3", "champion", "call"]),
        question("handoff", "O"),
        // Checkpoints: Intake complete (a stage not reached), Kickoff held (the customer confirms it).
        question("checkpointOverride", "]c"),
        question("customerConfirmation", "]]c", answers: ["kickoff moved up"]),
        question("shiftPushed", "gd", answers: ["+30"]),
        question("shiftReason", "gd", answers: ["+30", "y"]),
        Place(description: "resumeNote", asks: "resumeNote") { s in
            s.open("Zürich")
            s.press(.char("P"))
            s.type("freeze")
            s.press(.enter, .ctrl("u"))
            s.type("+10")
            s.press(.enter, .char("P"))
        },
        question("touchpointOutcome", "tgx"),
        Place(
            description: "resumeShift", asks: "resumeShift",
            reach: { s in
                s.open("Zürich")
                s.press(.char("P"), .enter)
            },
            weekEarlier: { s in
                s.open("Zürich")
                s.press(.char("P"))
                s.type("freeze")
                s.press(.enter, .ctrl("u"))
                s.type("+10")
                s.press(.enter)
            }),
        question("refusal", "b", lane: .approval),
        question("csm", "o", stalled: true),
        question("escalationReason", "!", stalled: true),
    ]

    static let sequences: [TerminalSequence] = {
        var seen = Set<[UInt32]>()
        let all = TerminalSequence.entries.flatMap { TerminalSequence.terminfo($0) ?? [] } + TerminalSequence.common
        // Enter (the keypad's, `kent`) answers and opens: it goes last, checked against Enter itself.
        return (all.filter { $0.meant != .enter } + all.filter { $0.meant == .enter }).filter {
            seen.insert($0.input.map(\.value)).inserted
        }
    }()

    @Test(arguments: screens + questions)
    func everySequenceDoesOnlyWhatItsKeyDoes(_ place: Place) throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        if let earlier = place.weekEarlier { earlier(try session(store)) }
        let s = place.weekEarlier == nil ? try session(store) : try Self.weekLater(store)
        place.reach(s)
        if let asks = place.asks {
            let purpose = s.state.prompt.map { String(describing: $0.purpose).prefix { $0 != "(" } }
            try #require(
                purpose.map(String.init) == asks,
                "no \(asks) question: \(String(describing: s.state.prompt)) \(String(describing: s.state.status))")
            s.type("abc")
        }
        #expect(Self.sequences.count > 150)
        for sequence in Self.sequences {
            let keys = Key.keys(in: sequence.input)
            #expect(keys == (sequence.meant.map { [$0] } ?? []), "\(sequence)")
            var meant = s.state
            for k in keys { _ = meant.update(.key(k)) }
            let before = s.state
            let saved = try store.lastEventID()
            for k in keys { s.press(k) }
            let after = s.state
            #expect(after.screen == meant.screen, "\(sequence) on the \(place)")
            #expect(after.prompt?.purpose == meant.prompt?.purpose, "\(sequence) on the \(place)")
            #expect(after.prompt?.text == meant.prompt?.text, "\(sequence) on the \(place)")
            #expect(
                after.helpOpen == meant.helpOpen && after.whyAccount == meant.whyAccount, "\(sequence) on the \(place)")
            guard keys != [.enter] else { continue }
            #expect(try store.lastEventID() == saved, "\(sequence) saved a change on the \(place)")
            #expect(after.screen == before.screen, "\(sequence) left the \(place)")
            #expect(after.prompt?.purpose == before.prompt?.purpose, "\(sequence) on the \(place)")
            #expect(!after.quitting, "\(sequence) quit from the \(place)")
            if keys != [.backspace] && keys != [.delete] {
                #expect(after.prompt?.text == before.prompt?.text, "\(sequence) on the \(place)")
            }
        }
    }
}

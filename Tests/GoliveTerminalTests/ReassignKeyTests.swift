import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// `o` in the stalled review: after the new CSM's name, a y/n question offers them the old
/// CSM's open internal tasks; either answer is one change and one event, undone whole.
struct ReassignKeyTests {
    /// The stalled review with lee's Zürich account selected.
    /// `others`: CSMs of further accounts, there before the session opens.
    static func atZurich(_ dir: TempDir, others: [String] = []) throws -> (Store, Session, Int64) {
        let store = try makeStore(dir)
        for csm in others { try addAccount(store, csm: csm) }
        let s = try session(store)
        s.press(.char("2"))
        let id = try #require(s.state.stalledOrder.first { s.state.rows[$0]?.name.hasPrefix("Zürich") == true })
        for _ in 0..<s.state.stalledOrder.count where s.state.stalledSelected != id { s.press(.char("j")) }
        #expect(s.state.stalledSelected == id)
        return (store, s, id)
    }

    static func addAccount(_ store: Store, csm: String) throws {
        let p = try #require(builtins.playbook(named: "enterprise-high-touch"))
        try store.write { tx in
            var next = try tx.nextID()
            let info = AccountInfo(
                name: "Kept by \(csm)", segment: .enterprise, arr: 90_000, csm: csm, salesOwner: "Sam",
                contractSigned: Day(iso: "2026-10-20")!, targetGoLive: Day(iso: "2026-12-20")!, handoff: Handoff())
            try tx.insert(p.apply(to: info, nextID: &next))
            try tx.setNextID(next)
        }
    }

    static func name(_ s: Session, _ csm: String) {
        s.press(.char("o"), .ctrl("u"))
        s.type(csm)
        s.press(.enter)
    }

    @Test func yGivesTheNewCSMTheOldCSMsOpenInternalTasksInOneChangeThatUndoTakesBackWhole() throws {
        let dir = TempDir()
        let (store, s, id) = try ReassignKeyTests.atZurich(dir)
        let before = try #require(try store.account(id))
        let theirs = before.openInternalTasks(of: "lee").map { before.tasks[$0].id }
        #expect(theirs.count > 1)
        let events = try store.events(account: id).count
        ReassignKeyTests.name(s, "Ana Souza")
        #expect(s.state.prompt?.label == "also give lee's \(theirs.count) open internal tasks to Ana Souza? (y/n)")
        // Never answered ahead: Enter alone asks again.
        s.press(.enter)
        #expect(s.state.prompt?.problem == "y or n is needed (Esc cancels)")
        s.press(.char("y"), .enter)
        #expect(
            s.state.status?.text.hasSuffix(" · saved: CSM lee → Ana Souza with \(theirs.count) open internal tasks")
                == true,
            "\(String(describing: s.state.status))")
        let after = try #require(try store.account(id))
        #expect(after.csm == "Ana Souza")
        #expect(theirs.allSatisfy { after.task($0)?.owner == "Ana Souza" })
        // Every other task keeps its owner.
        #expect(
            after.tasks.filter { !theirs.contains($0.id) }.map(\.owner)
                == before.tasks.filter { !theirs.contains($0.id) }.map(\.owner))
        #expect(try store.events(account: id).count == events + 1)
        s.press(.char("u"))
        let back = try #require(try store.account(id))
        #expect(back.csm == "lee" && back.tasks.map(\.owner) == before.tasks.map(\.owner))
    }

    @Test func nGivesOnlyTheAccount() throws {
        let dir = TempDir()
        let (store, s, id) = try ReassignKeyTests.atZurich(dir)
        let before = try #require(try store.account(id))
        ReassignKeyTests.name(s, "Ana Souza")
        s.press(.char("n"), .enter)
        let after = try #require(try store.account(id))
        #expect(after.csm == "Ana Souza" && after.tasks.map(\.owner) == before.tasks.map(\.owner))
        #expect(s.state.status?.text.hasSuffix(" · saved: CSM lee → Ana Souza") == true)
    }

    @Test func anyOtherAnswerSaysWhatYAndNDo() throws {
        let dir = TempDir()
        let (store, s, id) = try ReassignKeyTests.atZurich(dir)
        ReassignKeyTests.name(s, "Ana Souza")
        s.type("maybe")
        s.press(.enter)
        #expect(s.state.prompt?.problem == "y gives the tasks too, n only the account (Esc: nothing)")
        s.press(.escape)
        #expect(try store.account(id)?.csm == "lee")
    }

    @Test func aShortFormOfACSMsNameIsThatCSMAndTheQuestionNamesThemInFull() throws {
        let dir = TempDir()
        let (store, s, id) = try ReassignKeyTests.atZurich(dir)
        let theirs = try #require(try store.account(id)).openInternalTasks(of: "lee").count
        ReassignKeyTests.name(s, "ana")
        #expect(s.state.prompt?.label == "also give lee's \(theirs) open internal tasks to Ana Souza? (y/n)")
        s.press(.char("n"), .enter)
        #expect(try store.account(id)?.csm == "Ana Souza")
        #expect(try store.csms() == ["Ana Souza"])
    }

    @Test func aNameThatFitsSeveralCSMsKeepsTheQuestionOpenNamingThem() throws {
        let dir = TempDir()
        let (store, s, id) = try ReassignKeyTests.atZurich(dir, others: ["Anabel Ruiz"])
        ReassignKeyTests.name(s, "an")
        #expect(s.state.prompt?.purpose == .csm(new: nil))
        #expect(
            s.state.prompt?.problem == "'an' could be Ana Souza or Anabel Ruiz: type more of the name (Tab completes)")
        s.type("ab")
        s.press(.enter)
        #expect(s.state.prompt?.label.hasSuffix("open internal tasks to Anabel Ruiz? (y/n)") == true)
        #expect(try store.account(id)?.csm == "lee")
    }

    @Test func aNameThatIsNoCSMYetIsTakenOnlyAtASecondEnterOnTheSameText() throws {
        let dir = TempDir()
        let (store, s, id) = try ReassignKeyTests.atZurich(dir)
        let events = try store.events(account: id).count
        ReassignKeyTests.name(s, "lindqx")
        #expect(
            s.state.prompt?.problem
                == "'lindqx' is not a CSM yet: Enter again makes a new CSM of that name (Tab completes a known one)")
        // Other text is a new answer: it is asked about again, never taken at once.
        s.press(.backspace, .enter)
        #expect(s.state.prompt?.problem?.hasPrefix("'lindq' is not a CSM yet") == true)
        #expect(try store.events(account: id).count == events)
        s.press(.enter)
        #expect(s.state.prompt?.label.hasSuffix("open internal tasks to lindq? (y/n)") == true)
        s.press(.char("n"), .enter)
        #expect(try store.account(id)?.csm == "lindq")
    }
}

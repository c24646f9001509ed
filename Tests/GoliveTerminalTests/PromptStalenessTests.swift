import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

@Suite(.serialized)
struct PromptStalenessTests {
    @Test func anAnswerGivenAfterSomeoneElseChangedTheRowIsRefusedEvenAfterARefresh() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = try session(store)
        s.open("Zürich")
        s.select("Send welcome pack")
        let task = s.selectedTask!.id
        s.press(.char("e"))  // the question is asked about the title as it is now
        let other = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        try other.perform(
            .editTaskTitle(task: task, title: "Send the welcome pack"), on: s.account.id, who: "dana", today: today,
            now: Date(timeIntervalSince1970: 1_795_341_420))  // 09:57, 3 min before the session's clock
        #expect(s.poll(now: Date()) && s.state.prompt != nil)  // the screen refreshed under the open prompt
        s.type(" today")
        s.press(.enter)
        #expect(s.state.status == StatusLine(text: "changed by dana 3 min ago — reloaded", isError: true))
        #expect(try store.account(s.account.id)!.task(task)!.title == "Send the welcome pack")
    }
}

import Foundation
import Testing

/// The soak's short run (`golive-bench soak`; README "Data safety" has the hour at 10,000
/// accounts): the real board in tmux under random keys while another process writes.
struct SoakTests {
    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    @Test func theBoardUnderRandomKeysAndAnotherWriterKeepsRunningLosesNothingAndHoldsItsDescriptors() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let r = try spawnAndWait([
            SafetyTests.bench, "soak", "--store", store, "--golive", CLI.binary, "--seconds", "20", "--sample", "2",
        ])
        #expect(r.status == 0, "\(r.out)")
        let last = try #require(r.out.split(separator: "\n").last, "no outcome printed")
        let outcome = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(outcome["boardExit"] as? Int == 0, "the board crashed or would not quit: \(r.out)")
        #expect((outcome["keys"] as? Int ?? 0) > 500)
        #expect((outcome["boardEvents"] as? Int ?? 0) > 0, "random keys saved nothing")
        #expect((outcome["writerSaved"] as? Int ?? 0) > 10)
        #expect(outcome["writerMissing"] as? Int == 0)
        #expect(outcome["integrity"] as? String == "ok")
        // After warm-up no descriptor is opened for good; memory stays within bounds (the
        // hour's curve is in the README; a short run only catches a runaway).
        let fds = try #require(outcome["fdsAfterWarmUp"] as? [Int])
        #expect(fds.count == 2 && fds[0] == fds[1], "\(fds)")
        let rss = try #require(outcome["rssAfterWarmUpKB"] as? [Int])
        #expect(rss.count == 2 && rss[1] < rss[0] * 2, "\(rss)")
    }
}

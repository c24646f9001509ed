import CSV
import Foundation
import GoliveDomain
import GoliveStore

extension Reports {
    /// Worse colours first (red before amber), then other colour changes, then by ARR; by
    /// name and id last, so that the order is one and the same however it is worked out.
    public static func ordered(_ changes: [AccountChange]) -> [AccountChange] {
        changes.sorted {
            (changeRank($0), $1.ragNow, $1.arr, $0.name, $0.id) < (changeRank($1), $0.ragNow, $0.arr, $1.name, $1.id)
        }
    }

    /// 0: turned worse; 1: another colour change (a new account among them); 2: the same colour.
    public static func changeRank(_ c: AccountChange) -> Int {
        guard c.ragChanged else { return 2 }
        return c.ragBefore.map { c.ragNow > $0 } ?? false ? 0 : 1
    }

    func changesTable() -> TextTable {
        TextTable(
            columns: ["account", "csm", "rag", "stage", "arr", "changes"], rightAligned: [4], money: [4],
            rows: (changes ?? []).map { c in
                [c.name, c.csm, c.ragText, c.stageText, "\(c.arr)", c.lines.joined(separator: "; ")]
            })
    }

    /// The digest a lead pastes into the weekly email: a count line, then each account.
    func changesMarkdown() -> String {
        let list = changes ?? []
        let label = changesSince?.label ?? "since the start"
        var out = "# What changed \(label)\n\n"
        var counts: [String] = [plural(list.count, "account")]
        for rag in [RAG.red, .amber, .green] {
            let n = list.filter { $0.turned == rag }.count
            if n > 0 { counts.append(rag == .green ? "\(n) back to green" : "\(n) turned \(rag.rawValue)") }
        }
        let new = list.filter(\.isNew).count
        if new > 0 { counts.append("\(new) new") }
        let moves = list.filter { $0.stageChanged && !$0.isNew }.count
        if moves > 0 { counts.append(plural(moves, "stage move")) }
        let slipped = list.filter { !$0.slips.isEmpty }.count
        if slipped > 0 { counts.append("\(slipped) with dates moved") }
        let done = list.reduce(0) { $0 + $1.tasksDone.count }
        if done > 0 { counts.append(plural(done, "task") + " done") }
        out += "_As of \(today.iso) · " + counts.joined(separator: " · ") + "_\n"
        if list.isEmpty { out += "\nNothing changed.\n" }
        for c in list {
            out += "\n## \(Markdown.text(c.name)) — \(c.ragText)\n\n"
            out +=
                "\(Markdown.text(c.csm)) · \(c.segment.title) · \(Money.short(c.arr)) · stage \(Markdown.text(c.stageText))\n\n"
            for line in c.lines { out += "- \(Markdown.text(line))\n" }
        }
        return out
    }
}

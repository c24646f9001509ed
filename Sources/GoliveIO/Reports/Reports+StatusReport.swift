import CSV
import Foundation
import GoliveDomain
import GoliveStore

extension Reports {
    /// A weekly status report a lead can paste into an email.
    func portfolioMarkdown() throws -> String {
        let rows = try portfolio()
        let active = rows.filter { !$0.completed }
        func count(_ r: RAG) -> Int { active.filter { $0.rag == r.rawValue }.count }
        let monday = today - today.weekday
        var out = "# Onboarding status — week of \(monday.iso)\n\n"
        out += "_As of \(today.iso)._ **\(active.count) active onboardings**: "
        out += "\(count(.red)) red, \(count(.amber)) amber, \(count(.green)) green; "
        out += "\(active.filter(\.stalled).count) stalled; \(rows.count - active.count) completed.\n"
        for (rag, heading) in [(RAG.red, "Red"), (.amber, "Amber")] {
            let list = active.filter { $0.rag == rag.rawValue }
            guard !list.isEmpty else { continue }
            out += "\n## \(heading)\n\n"
            for r in list {
                out +=
                    "- **\(Markdown.text(r.account))** (\(Markdown.text(r.csm)), \(Markdown.text(r.stage)), go-live \(r.goLive)): "
                let more = r.reasons.count > 3 ? "; …" : ""
                out += Markdown.text(r.reasons.prefix(3).joined(separator: "; ")) + more + "\n"
            }
        }
        let (_, table) = try self.table(.portfolio)
        out += "\n## All accounts\n\n" + table.markdown()
        return out
    }
}

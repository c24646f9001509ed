import Foundation
import GoliveDomain

/// How `golive plan` writes: Markdown to paste into a shared document, or one
/// self-contained printable HTML page (no script, nothing fetched from elsewhere).
public enum PlanFormat: String, CaseIterable, Sendable {
    case markdown
    case html
}

extension CustomerPlan {
    public func render(_ format: PlanFormat) -> String {
        switch format {
        case .markdown: markdown()
        case .html: html()
        }
    }

    /// The line under the title; `words` makes the CSM's name safe for the format.
    private func subtitle(_ words: (String) -> String) -> String {
        "As of \(today.iso) · target go-live \(goLive.iso) · your CSM: \(words(csm))"
    }

    private func stepTitle(_ s: Step) -> String { (s.isApproval ? "Approval: " : "") + s.title }

    func markdown() -> String {
        let md = Markdown.text
        var out = "# \(md(account)): onboarding plan\n\n\(subtitle(md))\n"
        if !late.isEmpty {
            out += "\n## What is late\n\n" + late.map { "- \(md($0))\n" }.joined()
        }
        out += "\n## Stages and checkpoints\n"
        for phase in phases {
            out += "\n### \(md(phase.name)) (\(phase.state))\n\n"
            if phase.milestones.isEmpty { out += "No checkpoint in this stage.\n" }
            for m in phase.milestones {
                out += "- **\(md(m.name))**: \(md(m.state))\n"
                for s in m.steps {
                    out += "  - \(md(stepTitle(s))) — \(md(s.owner)), due \(s.due.iso): \(md(s.state))\n"
                }
            }
        }
        if !otherSteps.isEmpty {
            out += "\n## Other steps\n\n"
            for s in otherSteps { out += "- \(md(stepTitle(s))) — \(md(s.owner)), due \(s.due.iso): \(md(s.state))\n" }
        }
        if !meetings.isEmpty {
            out += "\n## Meetings\n\n| Day | With | How | About | |\n|---|---|---|---|---|\n"
            for m in meetings {
                out += "| \(m.on.iso) | \(md(m.audience)) | \(md(m.channel)) | \(md(m.objective)) | \(m.state) |\n"
            }
        }
        return out
    }

    /// Text from data as HTML text: markup characters escaped, control characters made visible.
    static func h(_ s: String) -> String {
        var out = ""
        for c in Text.inert(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    func html() -> String {
        let h = CustomerPlan.h
        func row(_ cells: [String], late: Bool, strong: Bool = false) -> String {
            let cls = [late ? "late" : nil, strong ? "checkpoint" : nil].compactMap { $0 }.joined(separator: " ")
            // A date is never broken across lines.
            let tds = cells.map { cell in
                Day(iso: cell) != nil ? "<td class=\"day\">\(cell)</td>" : "<td>\(cell)</td>"
            }
            return "<tr\(cls.isEmpty ? "" : " class=\"\(cls)\"")>" + tds.joined() + "</tr>\n"
        }
        var body = "<h1>\(h(account)): onboarding plan</h1>\n<p class=\"meta\">\(subtitle(h))</p>\n"
        if !late.isEmpty {
            body +=
                "<section class=\"late-list\"><h2>What is late</h2>\n<ul>\n"
                + late.map { "<li>\(h($0))</li>\n" }.joined() + "</ul></section>\n"
        }
        body += "<section><h2>Stages and checkpoints</h2>\n"
        for phase in phases {
            body += "<h3>\(h(phase.name)) <span class=\"phase\">\(h(phase.state))</span></h3>\n"
            guard !phase.milestones.isEmpty else {
                body += "<p>No checkpoint in this stage.</p>\n"
                continue
            }
            body += "<table>\n<tr><th>Checkpoint or step</th><th>Owner</th><th>Due</th><th>Status</th></tr>\n"
            for m in phase.milestones {
                body += row([h(m.name), "", m.due.iso, h(m.state)], late: m.isLate, strong: true)
                for s in m.steps {
                    body += row(["↳ " + h(stepTitle(s)), h(s.owner), s.due.iso, h(s.state)], late: s.isLate)
                }
            }
            body += "</table>\n"
        }
        body += "</section>\n"
        if !otherSteps.isEmpty {
            body +=
                "<section><h2>Other steps</h2>\n<table>\n<tr><th>Step</th><th>Owner</th><th>Due</th><th>Status</th></tr>\n"
            for s in otherSteps {
                body += row([h(stepTitle(s)), h(s.owner), s.due.iso, h(s.state)], late: s.isLate)
            }
            body += "</table></section>\n"
        }
        if !meetings.isEmpty {
            body +=
                "<section><h2>Meetings</h2>\n<table>\n<tr><th>Day</th><th>With</th><th>How</th><th>About</th><th></th></tr>\n"
            for m in meetings {
                body += row([m.on.iso, h(m.audience), h(m.channel), h(m.objective), m.state], late: false)
            }
            body += "</table></section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(account)): onboarding plan</title>
            <style>
            body { font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
            .meta { color: #555; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
            th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
            td.day { white-space: nowrap; }
            tr.checkpoint td { font-weight: 600; background: #f5f5f5; }
            tr.late td { color: #a00000; }
            .phase { font-size: 0.8rem; font-weight: normal; color: #555; border: 1px solid #bbb; border-radius: 0.6rem; padding: 0 0.4rem; }
            .late-list { border-left: 4px solid #a00000; padding-left: 0.8rem; }
            @media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } }
            </style>
            </head>
            <body>
            \(body)<footer class="meta">Prepared with golive on \(today.iso).</footer>
            </body>
            </html>

            """
    }
}

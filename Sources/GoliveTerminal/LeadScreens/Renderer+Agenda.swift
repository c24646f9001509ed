import GoliveDomain
import GoliveIO

extension Renderer {
    func agenda(_ s: AppState, _ c: inout Canvas) {
        let overdue = s.agenda.filter { $0.day < s.today }.count
        let today = s.agenda.filter { $0.day == s.today }.count
        let parts = [
            ("\(overdue) overdue", 0), ("\(today) due today", 0),
            ("\(s.agenda.count - overdue - today) in the next six days", 3),
            (s.agendaMine ? "\(s.user)'s accounts" : "every account", 0), ("as of \(s.today.iso)", 2),
        ]
        header(s, "Agenda", parts: parts, &c)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let w = s.width
        let kindW = 10
        let accountW = max(14, min(26, w / 5))
        let whoW = w >= 100 ? 20 : 0
        var lines: [(text: String, role: Role, selected: Bool)] = []
        var lastDay: Day?
        for (i, item) in s.agenda.enumerated() {
            if item.day != lastDay {
                lastDay = item.day
                let name = "\(weekdays[item.day.weekday]) \(item.day.iso)"
                let late = s.today - item.day
                let title =
                    item.day < s.today ? "\(name) · overdue \(late) d" : item.day == s.today ? "Today · \(name)" : name
                lines.append((title, item.day < s.today ? .overdue : .title, false))
            }
            let kind: String
            switch item.kind {
            case .task(let lane): kind = lane.rawValue
            case .checkpoint: kind = "checkpoint"
            case .touchpoint: kind = "touchpoint"
            case .followUp: kind = "follow-up"
            }
            let titleW = max(10, w - 3 - kindW - accountW - (whoW > 0 ? whoW + 1 : 0) - 3)
            var text =
                "   " + Text.pad(kind, to: kindW) + " " + Text.pad(item.account, to: accountW) + " "
                + Text.pad(item.title, to: titleW)
            if whoW > 0 { text += " " + Text.pad(item.who, to: whoW) }
            let role: Role = item.kind == .checkpoint ? .title : item.kind == .touchpoint ? .detail : .normal
            lines.append((text, role, i == s.agendaIndex))
        }
        if lines.isEmpty { lines.append(("  nothing overdue or due in the next six days", .dim, false)) }
        list(lines, top: 0, y0: 1, height: s.height - 3, &c)
        let y = s.height - 2
        c.fill(y: y, role: .detail)
        if s.agendaIndex < s.agenda.count {
            let it = s.agenda[s.agendaIndex]
            c.put(" \(it.account) · \(it.title) · \(it.who) · \(it.day.iso)", x: 0, y: y, role: .detail)
        }
    }
}

import GoliveDomain
import GoliveIO

extension Renderer {
    func agenda(_ s: AppState, _ c: inout Canvas) {
        if s.agendaPending && s.agenda.isEmpty {
            let whose = s.agendaMine ? "\(s.user)'s accounts" : "every account"
            header(s, "Agenda", parts: [("reading the agenda…", 0), (whose, 0), ("as of \(s.today.iso)", 2)], &c)
            list([("  reading the agenda…", .dim, false)], top: 0, y0: 1, height: s.height - 3, &c)
            return
        }
        let overdue = s.agendaHead?.overdue ?? AgendaLines.count(s.agenda, before: s.today)
        let today = s.agendaHead?.today ?? AgendaLines.count(s.agenda, before: s.today + 1) - overdue
        let coming = s.agendaHead?.coming ?? s.agenda.count - overdue - today
        let parts = [
            ("\(overdue) overdue", 0), ("\(today) due today", 0), ("\(coming) in the next six days", 3),
            (s.agendaMine ? "\(s.user)'s accounts" : "every account", 0), ("as of \(s.today.iso)", 2),
        ]
        header(s, "Agenda", parts: parts, &c)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let w = s.width
        let kindW = 10
        let accountW = max(14, min(26, w / 5))
        let whoW = w >= 100 ? 20 : 0
        let titleW = max(10, w - 3 - kindW - accountW - (whoW > 0 ? whoW + 1 : 0) - 3)
        func line(_ n: Int) -> (text: String, role: Role) {
            switch s.agendaLines.lines[n] {
            case .day(let day):
                let name = "\(weekdays[day.weekday]) \(day.iso)"
                let late = s.today - day
                let title = day < s.today ? "\(name) · overdue \(late) d" : day == s.today ? "Today · \(name)" : name
                return (title, day < s.today ? .overdue : .title)
            case .item(let i):
                let item = s.agenda[i]
                let kind: String
                switch item.kind {
                case .task(let lane): kind = lane.rawValue
                case .checkpoint: kind = "checkpoint"
                case .touchpoint: kind = "touchpoint"
                case .followUp: kind = "follow-up"
                }
                var text =
                    "   " + Text.pad(kind, to: kindW) + " " + Text.pad(item.account, to: accountW) + " "
                    + Text.pad(item.title, to: titleW)
                if whoW > 0 { text += " " + Text.pad(item.who, to: whoW) }
                let role: Role = item.kind == .checkpoint ? .title : item.kind == .touchpoint ? .detail : .normal
                return (text, role)
            }
        }
        let height = s.height - 3
        if s.agenda.isEmpty {
            list([("  nothing overdue or due in the next six days", .dim, false)], top: 0, y0: 1, height: height, &c)
        } else {
            let selected =
                s.agendaLines.lineOfItem.indices.contains(s.agendaIndex)
                ? s.agendaLines.lineOfItem[s.agendaIndex] : nil
            list(
                count: s.agendaLines.lines.count, selected: selected, top: s.agendaTop, y0: 1, height: height,
                line: line,
                &c)
        }
        let y = s.height - 2
        c.fill(y: y, role: .detail)
        if s.agendaIndex < s.agenda.count {
            let it = s.agenda[s.agendaIndex]
            c.put(" \(it.account) · \(it.title) · \(it.who) · \(it.day.iso)", x: 0, y: y, role: .detail)
        }
    }
}

import Foundation
import GoliveDomain

/// The portfolio's dates as an iCalendar file for the CSM's calendar: each planned (or held,
/// or missed) touchpoint, each checkpoint's due day and each go-live, as all-day events.
/// Every entry's UID is made of what it is and its id in the store, so importing the file
/// again updates the entries instead of adding them twice; its SEQUENCE is the row's
/// version, so a calendar takes a moved date as the newer one.
public enum PortfolioCalendar {
    /// The calendar of the active `accounts` on `today` (which sets each checkpoint's state
    /// in words), stamped `stamp`.
    public static func ics(accounts: [Account], today: Day, stamp: Date, name: String) -> String {
        var w = ICalendarWriter()
        w.line("BEGIN:VCALENDAR")
        w.line("VERSION:2.0")
        w.line("PRODID:-//golive//golive calendar//EN")
        w.line("CALSCALE:GREGORIAN")
        w.line("METHOD:PUBLISH")
        w.text("X-WR-CALNAME", name)
        let dtstamp = Self.stamp(stamp)
        for a in accounts.sorted(by: { ($0.name, $0.id) < ($1.name, $1.id) }) where a.isActive {
            for t in a.touchpoints {
                var lines = ["Account: \(a.name) (CSM \(a.csm))", "With: \(t.audience)", "Channel: \(t.channel)"]
                lines.append("Objective: \(t.objective)")
                if let state = t.state {
                    lines.append("Marked \(state.rawValue)" + (t.outcome.map { ": \($0)" } ?? ""))
                }
                event(
                    &w, uid: "touchpoint-\(t.id)", sequence: 0, day: t.on, stamp: dtstamp,
                    summary: "\(a.name): \(t.objective) (\(t.channel))", description: lines.joined(separator: "\n"),
                    category: "Touchpoint", cancelled: t.state == .missed)
            }
            for c in a.checkpoints {
                let state = a.status(of: c, asOf: today).state
                let lines = [
                    "Account: \(a.name) (CSM \(a.csm))", "Stage: \(c.stage)",
                    c.achievedOn.map { "Achieved on \($0.iso)" } ?? "State on \(today.iso): \(state.title)",
                ]
                event(
                    &w, uid: "checkpoint-\(c.id)", sequence: c.version, day: c.due, stamp: dtstamp,
                    summary: "\(a.name): checkpoint \(c.name)", description: lines.joined(separator: "\n"),
                    category: "Checkpoint", cancelled: false)
            }
            event(
                &w, uid: "go-live-\(a.id)", sequence: a.version, day: a.goLive, stamp: dtstamp,
                summary: "\(a.name): go-live",
                description: "Account: \(a.name) (CSM \(a.csm))\nSegment: \(a.segment.rawValue)\nARR: \(a.arr)",
                category: "Go-live", cancelled: false)
        }
        w.line("END:VCALENDAR")
        return w.text
    }

    private static func event(
        _ w: inout ICalendarWriter, uid: String, sequence: Int, day: Day, stamp: String, summary: String,
        description: String, category: String, cancelled: Bool
    ) {
        w.line("BEGIN:VEVENT")
        w.line("UID:\(uid)@golive")
        w.line("DTSTAMP:\(stamp)")
        w.line("SEQUENCE:\(sequence)")
        w.line("DTSTART;VALUE=DATE:\(compact(day))")
        w.line("DTEND;VALUE=DATE:\(compact(day + 1))")
        w.text("SUMMARY", summary)
        w.text("DESCRIPTION", description)
        w.text("CATEGORIES", category)
        w.line("TRANSP:TRANSPARENT")
        if cancelled { w.line("STATUS:CANCELLED") }
        w.line("END:VEVENT")
    }

    private static func compact(_ day: Day) -> String {
        String(decoding: day.iso.utf8.filter { $0 != 45 }, as: UTF8.self)
    }

    private static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }
}

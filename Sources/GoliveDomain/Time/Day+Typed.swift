extension Day {
    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// A day as a person types it in a date question, relative to `today`: `2026-12-10`,
    /// `12-10` (the nearest such day), `+7` or `-2` (days; `+2w` weeks), `today`,
    /// `tomorrow`, `yesterday`, or a weekday (`fri`: the next Friday after today).
    public init?(typed text: String, today: Day) {
        self.init(typed: text, today: today, moving: today)
    }

    /// The same for a day that moves a date (`from`): `+7`, `-2`, `+2w` count from it, so a
    /// week later is `+7` whatever today is; every other form is read from `today`. The
    /// board's date questions and the command line's moves both read days here.
    public init?(typed text: String, today: Day, moving from: Day) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let d = Day(iso: t) {
            self = d
            return
        }
        switch t {
        case "today": self = today
        case "tomorrow": self = today + 1
        case "yesterday": self = today - 1
        default:
            if let offset = Day.offset(t) {
                self = from + offset
            } else if t.count >= 2, let i = Day.weekdayNames.firstIndex(where: { $0.hasPrefix(t) }) {
                let ahead = (i - today.weekday + 7) % 7
                self = today + (ahead == 0 ? 7 : ahead)
            } else if let d = Day.monthDay(t, near: today) {
                self = d
            } else {
                return nil
            }
        }
    }

    /// "+7", "-2", "+2w" as a number of days.
    private static func offset(_ t: String) -> Int? {
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        var body = t.dropFirst()
        var unit = 1
        if body.last == "w" {
            unit = 7
            body = body.dropLast()
        } else if body.last == "d" {
            body = body.dropLast()
        }
        guard !body.isEmpty, body.count <= 4, let n = Int(body) else { return nil }
        return (sign == "+" ? n : -n) * unit
    }

    /// "12-10": that month and day in the year that puts it nearest to `today`.
    private static func monthDay(_ t: String, near today: Day) -> Day? {
        let parts = t.split(separator: "-")
        guard parts.count == 2, parts.allSatisfy({ $0.count <= 2 }), let m = Int(parts[0]), let d = Int(parts[1]),
            (1...12).contains(m), d >= 1
        else { return nil }
        let year = today.components.year
        let candidates = (year - 1...year + 1).compactMap { y -> Day? in
            d <= Day.daysIn(month: m, year: y) ? Day(year: y, month: m, day: d) : nil
        }
        return candidates.min { abs($0 - today) < abs($1 - today) }
    }

    /// "Fri", for showing which day a typed date means.
    public var weekdayName: String {
        let name = Day.weekdayNames[weekday]
        return name.prefix(1).uppercased() + name.dropFirst(1).prefix(2)
    }
}

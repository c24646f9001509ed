import GoliveDomain

extension Renderer {
    /// The columns side-by-side lanes share out of `total`: a lane whose longest line needs
    /// less than an even share gets what it needs, the rest share what it leaves (the
    /// narrowest first), and room left over once every line fits is spread evenly. No lane
    /// gets less than `floor` while an even share would give it that much.
    static func laneWidths(total: Int, needs: [Int], floor: Int = 24) -> [Int] {
        guard !needs.isEmpty else { return [] }
        var widths = needs.map { _ in 0 }
        var left = total
        var open = needs.indices.sorted { needs[$0] < needs[$1] }
        while let i = open.first {
            let even = left / open.count
            let wants = max(needs[i], floor)
            guard wants <= even else {
                // Every lane still open needs more than an even share: they split what is left.
                for (k, j) in open.enumerated() { widths[j] = even + (k < left % open.count ? 1 : 0) }
                return widths
            }
            widths[i] = wants
            left -= wants
            open.removeFirst()
        }
        // Every line fits: the spare columns go to every lane alike, so the lanes fill the width.
        for j in widths.indices { widths[j] += left / widths.count + (j < left % widths.count ? 1 : 0) }
        return widths
    }

    /// The columns a lane's longest line takes in full: tag, title (with the waits arrow),
    /// owner, due date, and its heading.
    func laneNeed(_ s: AppState, _ a: Account, _ lane: Lane) -> Int {
        let tasks = s.tasks(of: a, in: lane)
        let title =
            tasks.map { t in
                Text.width(t.title) + (t.isOpen && t.dependsOn.contains { a.task($0)?.isOpen == true } ? 2 : 0)
            }.max() ?? 0
        let owner = min(Renderer.ownerCap, tasks.map { Text.width($0.owner) }.max() ?? 0)
        let heading = Text.width(" \(lane.title) (\(tasks.count) open of \(tasks.count))")
        return max(heading, 5 + title + 1 + owner + 1 + 6)
    }

    /// The most columns an owner takes in a lane: a long name gives way to the titles.
    static let ownerCap = 18
}

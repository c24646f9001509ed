extension Account {
    /// The positions of the open internal tasks `csm` owns: what a new CSM is offered to
    /// take over with the account (customer tasks and approvals belong to their people).
    public func openInternalTasks(of csm: String) -> [Int] {
        tasks.indices.filter { tasks[$0].lane == .internal && tasks[$0].isOpen && tasks[$0].owner == csm }
    }
}

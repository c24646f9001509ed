import Testing

@testable import GoliveDomain

/// While an account is in Handoff, an incomplete handoff record is a reason of its own.
struct HandoffReasonTests {
    static func inHandoff(_ record: Handoff, stage: String = "handoff") -> Account {
        var a = makeAccount(due: day("2026-03-01"))
        a.stages.insert(Stage(key: stage, name: stage.capitalized, slaDays: 5, enteredOn: signed), at: 0)
        a.stages[1].enteredOn = nil
        a.handoff = record
        return a
    }

    static let complete = Handoff(
        goals: "one view of every shipment", requirements: "SSO",
        stakeholders: [Stakeholder(role: "champion", name: "Mia")],
        promises: "none")

    @Test(arguments: [
        (
            inHandoff(Handoff()), RAG.amber,
            [
                "handoff record lacks goals, technical requirements, stakeholders, promises made by Sales"
            ]
        ),
        (
            inHandoff(Handoff(goals: "one view", requirements: "SSO")), .amber,
            [
                "handoff record lacks stakeholders, promises made by Sales"
            ]
        ),
        (inHandoff(complete), .green, []),
        (inHandoff(Handoff(), stage: "intake"), .green, []),
    ])
    func anIncompleteRecordInHandoffIsAnAmberReason(_ a: Account, _ rag: RAG, _ reasons: [String]) {
        let today = day("2026-01-03")
        let st = a.status(asOf: today)
        #expect(st.rag == rag)
        #expect(st.reasons.map(\.text) == reasons)
        let f = a.facts
        #expect(f.rag(strip: f.strip(asOf: today), asOf: today) == rag)
    }
}

/// Stakeholders as typed on the handoff question: "role: name <contact>; role: name".
struct StakeholderTextTests {
    @Test(
        arguments: [
            ("champion: Mia Vogel", [Stakeholder(role: "champion", name: "Mia Vogel")]),
            (
                "champion: Mia Vogel <mia@acme.example>; exec sponsor: Raj Patel <+49 30 1234>",
                [
                    Stakeholder(role: "champion", name: "Mia Vogel", contact: "mia@acme.example"),
                    Stakeholder(role: "exec_sponsor", name: "Raj Patel", contact: "+49 30 1234"),
                ]
            ),
            ("IT lead: Ola <>", nil), ("champion: <mia@acme.example>", nil), ("Mia Vogel", nil),
        ] as [(String, [Stakeholder]?)])
    func stakeholdersAreReadWithTheirContacts(_ text: String, _ expected: [Stakeholder]?) {
        let read = Handoff.stakeholders(from: text)
        #expect(read == expected)
        // What is shown reads back the same.
        if let read { #expect(Handoff.stakeholders(from: Handoff(stakeholders: read).stakeholderText) == read) }
    }
}

public struct Stakeholder: Hashable, Codable, Sendable {
    public var role: String
    public var name: String
    /// How to reach them: a mail address or a phone number, as given.
    public var contact: String?

    public init(role: String, name: String, contact: String? = nil) {
        self.role = role
        self.name = name
        self.contact = contact
    }

    /// "Mia Vogel <mia@acme.example>": the name, and the contact when there is one.
    public var nameAndContact: String { contact.map { "\(name) <\($0)>" } ?? name }
}

/// One sentence explaining an amber or red, e.g. "Integration live: overdue 4 days".
public struct Reason: Hashable, Codable, Sendable, CustomStringConvertible {
    public var rag: RAG
    public var text: String
    public init(_ rag: RAG, _ text: String) {
        self.rag = rag
        self.text = text
    }
    public var description: String { text }
}

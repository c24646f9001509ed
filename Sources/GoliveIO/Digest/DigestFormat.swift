/// How `golive digest` writes: plain text for a mail body, Markdown for chat and notes,
/// JSON for scripts.
public enum DigestFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json
}

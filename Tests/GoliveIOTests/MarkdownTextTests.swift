import Testing

@testable import GoliveIO

/// What text from data becomes in Markdown, one row each: every character that could start
/// or end Markdown syntax escaped, spaces at either end kept as entities, control characters
/// shown, and plain words left as they are.
struct MarkdownTextTests {
    @Test(arguments: [
        ("Acme Corp", "Acme Corp"),
        ("Ana, Bo; 50% w/ \"quotes\"? it's", "Ana, Bo; 50% w/ \"quotes\"? it's"),
        ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)>"),
        ("[click](http://evil.example)", "\\[click\\](http\\://evil\\.example)"),
        ("![x](y.png)", "\\!\\[x\\](y\\.png)"),
        ("<http://evil.example>", "\\<http\\://evil\\.example>"),
        ("www.evil.com", "www\\.evil\\.com"),
        ("bob@evil.com", "bob\\@evil\\.com"),
        ("# Heading", "\\# Heading"),
        ("> quote", "\\> quote"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. item", "1\\. item"),
        ("1) item", "1\\) item"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("**bold** _em_ ~~gone~~", "\\*\\*bold\\*\\* \\_em\\_ \\~\\~gone\\~\\~"),
        ("`code`", "\\`code\\`"),
        ("&amp; &#60;", "\\&amp; \\&#60;"),
        ("a | b", "a \\| b"),
        ("{attr} $x$ ^1", "\\{attr\\} \\$x\\$ \\^1"),
        ("ends with \\", "ends with \\\\"),
        ("    code", "&#32;&#32;&#32;&#32;code"),
        ("line  ", "line&#32;&#32;"),
        ("two\nlines", "two lines"),
        ("\u{1B}[2J", "␛\\[2J"),
        ("due 2026-10-07 (3 tasks) - a: b", "due 2026-10-07 (3 tasks) - a: b"),
        ("12) item", "12\\) item"),
        ("", ""),
    ])
    func textFromDataIsOnlyText(data: String, written: String) {
        #expect(Markdown.text(data) == written)
    }
}

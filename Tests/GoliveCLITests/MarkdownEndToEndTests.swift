import Foundation
import Testing

/// Every Markdown output (the plan, the digest, each Markdown report) rendered by a real
/// Markdown renderer, Python's markdown-it-py, both as CommonMark and with GFM's tables,
/// strikethrough and link detection: names carrying HTML, links, images, autolinks, bare
/// URLs, block syntax, emphasis and entities add no element or attribute to the page, and
/// read back as the same text.
struct MarkdownEndToEndTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src=//evil>",
        "[click](http://evil.example)",
        "![x](http://evil.example/p.png)",
        "<http://evil.example>",
        // Bare addresses on a real top-level domain: GFM's link detection knows no ".example".
        "http://evil.com",
        "www.evil.com",
        "evil.com/path",
        "bob@evil.com",
        "# Heading",
        "> quote",
        "- item",
        "+ item",
        "1. item",
        "**bold**",
        "_em_",
        "~~struck~~",
        "`code`",
        "&amp;",
        "&#60;script&#62;",
        "---",
        "===",
        "<!-- hidden -->",
        "a | b",
        "ends with \\",
    ]

    /// Free text in the export: account names, CSMs and owners, task titles and reasons,
    /// checkpoint and stage names, touchpoints, escalations.
    static let textKeys: Set<String> = [
        "name", "csm", "sales_owner", "title", "owner", "reason", "audience", "channel", "objective", "outcome", "by",
        "confirmed_by", "role",
    ]

    /// The seeded portfolio with its free text renamed: in each field the first distinct
    /// values become `names` in turn and the rest "plain FIELD N", so a store with hostile
    /// names and one with plain names differ only in the text.
    static func renamedStore(_ cli: CLI, _ export: [String: Any], names: [String], as file: String) throws -> String {
        var seen: [String: [String: String]] = [:]
        func rename(_ value: Any, key: String) -> Any {
            if let object = value as? [String: Any] {
                var out: [String: Any] = [:]
                for (k, v) in object {
                    out[k] = rename(v, key: key + "." + k)
                }
                return out
            }
            if let array = value as? [Any] {
                return array.map { rename($0, key: key) }
            }
            let field = key.split(separator: ".").last.map(String.init) ?? key
            guard let text = value as? String, textKeys.contains(field) else { return value }
            if let known = seen[key]?[text] { return known }
            let n = seen[key, default: [:]].count
            let renamed = n < names.count ? names[n] : "plain \(field) \(n)"
            seen[key, default: [:]][text] = renamed
            return renamed
        }
        var document = export
        document["accounts"] = rename(export["accounts"] ?? [], key: "accounts")
        let json = try JSONSerialization.data(withJSONObject: document)
        cli.write(file + ".json", String(decoding: json, as: UTF8.self))
        let store = cli.file(file + ".sqlite")
        let r = try cli.run(["restore", cli.file(file + ".json"), "--store", store])
        try #require(r.status == 0, "\(r.err)")
        return store
    }

    /// Each Markdown output of `store`, by name: the team's digest, every report, and the
    /// plan of each account.
    static func outputs(_ cli: CLI, _ store: String, ids: [Int]) throws -> [String: String] {
        let day = ["--store", store, "--as-of", "2026-11-22"]
        var commands: [String: [String]] = ["digest": ["digest", "--format", "markdown"] + day]
        for kind in ["portfolio", "stalled", "overdue", "metrics"] {
            commands[kind] = ["report", kind, "--format", "markdown"] + day
        }
        commands["changes"] = ["report", "changes", "--since", "2026-10-01", "--format", "markdown"] + day
        for id in ids {
            commands["plan \(id)"] = ["plan", "\(id)", "--format", "markdown"] + day
        }
        var out: [String: String] = [:]
        for (name, arguments) in commands {
            let r = try cli.run(arguments)
            try #require(r.status == 0, "\(name): \(r.err)")
            out[name] = r.out
        }
        return out
    }

    /// Each document rendered by markdown-it-py in both modes: the start tags with their
    /// attributes, sorted, and the text a reader sees.
    static func rendered(_ cli: CLI, _ documents: [String: String]) throws -> [String: [String: Rendered]] {
        let script = #"""
            import json, sys
            from html.parser import HTMLParser
            from markdown_it import MarkdownIt

            class Reader(HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True)
                    self.tags, self.text = [], []
                def handle_starttag(self, tag, attrs):
                    self.tags.append(tag + ' ' + json.dumps(sorted(attrs)))
                def handle_startendtag(self, tag, attrs):
                    self.handle_starttag(tag, attrs)
                def handle_data(self, data):
                    self.text.append(data)
                def handle_comment(self, data):
                    self.tags.append('<!--')

            modes = {'commonmark': MarkdownIt('commonmark'), 'gfm': MarkdownIt('gfm-like')}
            # The GFM mode does turn bare addresses into links, or this test would prove nothing.
            assert '<a href' in modes['gfm'].render('www.evil.com'), 'linkify is off'
            out = {}
            for name, text in json.load(open(sys.argv[1])).items():
                out[name] = {}
                for mode, md in modes.items():
                    r = Reader()
                    r.feed(md.render(text))
                    r.close()
                    out[name][mode] = {'tags': sorted(r.tags), 'text': ''.join(r.text)}
            print(json.dumps(out))
            """#
        let input = cli.file("documents-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: documents).write(to: URL(fileURLWithPath: input))
        // The real HOME: Python's environment (pyenv) is found through it.
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let r = try cli.runProgram("/usr/bin/env", ["python3", "-c", script, input], env: ["HOME": home])
        try #require(
            r.status == 0,
            "python3, markdown-it-py and linkify-it-py are needed (pip install markdown-it-py linkify-it-py): \(r.err)")
        return try JSONDecoder().decode([String: [String: Rendered]].self, from: Data(r.out.utf8))
    }

    struct Rendered: Decodable {
        var tags: [String]
        var text: String
    }

    @Test func namesFromDataAddNoElementToAnyMarkdownOutputAndReadBackIntact() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let seeded = try cli.seededStore()
        let exported = try cli.run(["export", "--store", seeded]).out
        let export = try #require(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
        let accounts = try #require(export["accounts"] as? [[String: Any]])
        // The accounts that get the hostile names, one each.
        let ids = accounts.prefix(Self.hostile.count).compactMap { $0["id"] as? Int }
        #expect(ids.count == Self.hostile.count)
        let hostileStore = try Self.renamedStore(cli, export, names: Self.hostile, as: "hostile")
        let plainStore = try Self.renamedStore(cli, export, names: [], as: "plain")
        let hostile = try Self.rendered(cli, try Self.outputs(cli, hostileStore, ids: ids))
        let plain = try Self.rendered(cli, try Self.outputs(cli, plainStore, ids: ids))
        #expect(hostile.count == 6 + ids.count)
        for (name, modes) in hostile {
            for (mode, page) in modes {
                let template = try #require(plain[name]?[mode])
                // Same elements with the same attributes, whatever the names: every one is
                // golive's own.
                let added = Set(page.tags).subtracting(template.tags)
                let same = page.tags == template.tags
                #expect(same, "\(name), \(mode): added \(added)")
                for tag in ["a ", "img ", "script ", "iframe ", "blockquote ", "s ", "code ", "pre ", "hr ", "<!--"] {
                    #expect(!page.tags.contains { $0.hasPrefix(tag) }, "\(name), \(mode): <\(tag)")
                }
            }
        }
        for mode in ["commonmark", "gfm"] {
            let portfolio = try #require(hostile["portfolio"]?[mode]?.text)
            for (id, name) in zip(ids, Self.hostile) {
                #expect(portfolio.contains(name), "portfolio, \(mode): \(name)")
                let plan = try #require(hostile["plan \(id)"]?[mode]?.text)
                #expect(plan.contains("\(name): onboarding plan"), "plan, \(mode): \(plan.prefix(200))")
            }
            let digest = try #require(hostile["digest"]?[mode]?.text)
            #expect(Self.hostile.contains { digest.contains($0) }, "digest, \(mode): \(digest.prefix(300))")
        }
    }
}

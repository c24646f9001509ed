import Foundation
import Testing

/// `golive plan` as the customer reads it: the HTML page printed by a real headless browser
/// (Chromium) and its text read back (pdftotext), with the customer's work on it and
/// nothing internal; the page self-contained and text from data escaped.
struct PlanEndToEndTests {
    init() throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/pdftotext"] {
            try #require(
                FileManager.default.isExecutableFile(atPath: tool),
                "\(tool) is needed: apt-get install chromium poppler-utils (.ci/run does)")
        }
    }

    /// What a customer reads of `page`: Chromium prints it, pdftotext reads the print.
    static func printed(_ cli: CLI, _ page: String) throws -> String {
        let pdf = page + ".pdf"
        let print = try cli.runProgram(
            "/usr/bin/chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
                "file://\(page)",
            ])
        try #require(FileManager.default.fileExists(atPath: pdf), "chromium printed nothing: \(print.err)")
        let text = try cli.runProgram("/usr/bin/pdftotext", [pdf, "-"])
        try #require(text.status == 0, "\(text.err)")
        // The characters as read, whatever line a table cell or a heading wrapped them onto.
        return squeezed(text.out)
    }

    /// Without spaces and hyphens: pdftotext joins a word hyphenated at a line's end.
    static func squeezed(_ s: String) -> String { String(s.filter { !$0.isWhitespace && $0 != "-" }) }

    @Test func theCustomerReadsTheirWorkAndNothingInternal() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let exported = try cli.run(["export", "--store", store]).out
        let document = try #require(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
        let accounts = try #require(document["accounts"] as? [[String: Any]])
        // An account with late customer work and internal tasks of its own.
        let account = try #require(
            accounts.first { a in
                let tasks = a["tasks"] as? [[String: Any]] ?? []
                return tasks.contains { $0["lane"] as? String == "customer" }
                    && tasks.contains { $0["lane"] as? String == "internal" }
            })
        let name = try #require(account["name"] as? String)
        let tasks = try #require(account["tasks"] as? [[String: Any]])
        let shared = Set(tasks.filter { $0["lane"] as? String != "internal" }.compactMap { $0["title"] as? String })
        let internalOnly = Set(
            tasks.filter { $0["lane"] as? String == "internal" }.compactMap { $0["title"] as? String }
        )
        .subtracting(shared)
        let page = cli.file("plan.html")
        let r = try cli.run(
            [
                "plan", name.uppercased(), "--store", store, "--as-of", "2026-11-22", "--format", "html", "--output",
                page,
            ])
        #expect(r.status == 0, "\(r.err)")
        let text = try Self.printed(cli, page)
        let flat = text
        #expect(
            flat.contains(Self.squeezed("\(name): onboarding plan")),
            "\(flat.prefix(300))")
        #expect(flat.contains(Self.squeezed("Stages and checkpoints")))
        for title in shared {
            #expect(flat.contains(Self.squeezed(title)), "\(title) missing")
        }
        for title in internalOnly {
            #expect(!flat.contains(Self.squeezed(title)), "internal '\(title)' shown")
        }
        for word in ["stalled", "amber", "SLA", "escalat", "ARR", "ballin", "atrisk", "offtrack"] {
            #expect(!flat.localizedCaseInsensitiveContains(word), "'\(word)' shown")
        }
        let html = try String(contentsOfFile: page, encoding: .utf8)
        for outside in ["<script", "src=", "href=", "@import", "url("] {
            #expect(!html.contains(outside), "\(outside)")
        }
    }

    @Test func aNameWithMarkupIsPrintedAsTextAndRunsNothing() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let hostile = "<script>document.title='owned'</script><b>Bold</b> & Söhne"
        cli.write(
            "odd.csv",
            "Account Name,CSM,Segment,ARR,Contract Signed\n\"\(hostile)\",Ana,smb,9000,2026-10-01\n")
        let store = cli.file("odd.sqlite")
        #expect(try cli.run(["import", cli.file("odd.csv"), "--store", store, "--as-of", "2026-11-22"]).status == 0)
        let page = cli.file("odd.html")
        let r = try cli.run(
            ["plan", hostile, "--store", store, "--as-of", "2026-11-22", "--format", "html", "--output", page])
        #expect(r.status == 0, "\(r.err)")
        let text = try Self.printed(cli, page)
        #expect(text.contains(Self.squeezed(hostile)), "\(text.prefix(400))")
        let dom = try cli.runProgram(
            "/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://\(page)"])
        #expect(!dom.out.contains("<script") && !dom.out.contains("<b>") && dom.out.contains("&lt;script&gt;"))
        #expect(!dom.out.contains("owned</title>"))
    }

    @Test(arguments: [
        (["Nowhere Inc"], "no account is named or numbered 'Nowhere Inc'"),
        (["Lumen", "--format", "pdf"], "unknown format 'pdf' (expected markdown or html)"),
    ])
    func anUnknownAccountOrFormatIsRefusedInOneLine(arguments: [String], message: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let r = try cli.run(["plan", "--store", store] + arguments)
        #expect(r.status != 0 && r.err.contains(message), "\(r.err)")
        #expect(r.out.isEmpty)
    }
}

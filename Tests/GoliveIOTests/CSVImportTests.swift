import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

struct CSVImportTests {
    static let header = "Account Name,CSM,Segment,ARR,Contract Signed,Target Go-Live,Account Executive\n"

    func parse(_ text: String) throws -> [CSVImport.Row] { try CSVImport.parse(Data(text.utf8), file: "won.csv") }

    @Test func columnsAreMatchedByHeaderWhateverTheirCaseOrOrder() throws {
        let rows = try parse(
            "arr,SEGMENT,account_name,close date,csm\n\"$120,000.00\",Mid Market,Zürich Re,2026-01-15,Ana\n")
        #expect(rows.count == 1)
        let i = rows[0].info
        #expect(
            i.name == "Zürich Re" && i.segment == .midMarket && i.arr == 120_000
                && i.contractSigned == day("2026-01-15") && i.targetGoLive == nil)
    }

    @Test func bomCRLFAndQuotedLineBreaksAreRead() throws {
        let text =
            "\u{FEFF}" + Self.header.replacingOccurrences(of: "\n", with: "\r\n")
            + "\"Acme,\r\nInc\",Ana,enterprise,100000,2026-01-02,2026-03-01,Sam\r\nBeta,Bo,smb,5000,1/31/2026,,Sue\r\n"
        let rows = try parse(text)
        #expect(rows.map(\.info.name) == ["Acme,\r\nInc", "Beta"])
        #expect(rows.map(\.line) == [2, 4])  // the quoted break pushes Beta to line 4
        #expect(rows[1].info.contractSigned == day("2026-01-31") && rows[1].info.salesOwner == "Sue")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var message: String
        var testDescription: String { name }
    }
    static let cases: [Case] = [
        .init(name: "empty file", body: "", message: "won.csv: the file is empty"),
        .init(name: "header only", body: header, message: "won.csv: no accounts in the file (only a header line)"),
        .init(
            name: "missing column", body: "Account Name,CSM,ARR\nA,B,1\n",
            message: "won.csv:1: missing columns 'segment', 'contract signed'"),
        .init(
            name: "unknown segment", body: header + "Acme,Ana,giant,1,2026-01-01,,\n",
            message: "won.csv:2: column 'Segment': unknown segment 'giant'"),
        .init(
            name: "bad date", body: header + "Acme,Ana,smb,1,2026-02-30,,\n",
            message: "won.csv:2: column 'Contract Signed': '2026-02-30' is not a date"),
        .init(
            name: "bad number", body: header + "Acme,Ana,smb,lots,2026-01-01,,\n",
            message: "won.csv:2: column 'ARR': 'lots' is not an amount"),
        .init(
            name: "negative ARR", body: header + "Acme,Ana,smb,-5,2026-01-01,,\n",
            message: "won.csv:2: column 'ARR': ARR cannot be negative (-5)"),
        .init(
            name: "duplicate account",
            body: header + "Acme,Ana,smb,1,2026-01-01,,\nBeta,Ana,smb,1,2026-01-01,,\nAcme,Bo,smb,2,2026-01-01,,\n",
            message: "won.csv:4: column 'Account Name': duplicate account 'Acme' (also on line 2)"),
        .init(
            name: "go-live before signing", body: header + "Acme,Ana,smb,1,2026-03-01,2026-02-01,\n",
            message: "won.csv:2: column 'Target Go-Live': target go-live 2026-02-01 "
                + "is before the contract was signed (2026-03-01)"
        ),
        .init(
            name: "wrong field count", body: header + "Acme,Ana,smb\n", message: "won.csv:2: expected 7 fields, found 3"
        ),
        .init(
            name: "empty required cell", body: header + "Acme,,smb,1,2026-01-01,,\n",
            message: "won.csv:2: column 'CSM': empty"),
        .init(
            name: "a date that reads two ways", body: header + "Acme,Ana,smb,1,2026-01-01,3/4/2026,\n",
            message: "won.csv:2: '3/4/2026' could be 4 March or 3 April, and no date in the file tells which: "
                + "write dates as YYYY-MM-DD"),
        .init(
            name: "dates written both ways",
            body: header + "Acme,Ana,smb,1,3/14/2026,,\nBeta,Ana,smb,1,14/3/2026,,\n",
            message: "won.csv:3: dates are written month first ('3/14/2026', line 2) and day first "
                + "('14/3/2026', line 3): write them all one way, or as YYYY-MM-DD"),
    ]

    /// One unambiguous date tells how the whole file writes them.
    @Test(arguments: [
        ("3/14/2026", "3/4/2026", "2026-03-04"), ("14/3/2026", "3/4/2026", "2026-04-03"),
        ("5/5/2026", "5/5/2026", "2026-05-05"),
    ])
    func aFileSaysOnceWhichWayItWritesDates(_ telling: String, _ other: String, _ meant: String) throws {
        let rows = try parse(Self.header + "Acme,Ana,smb,1,\(telling),,\nBeta,Ana,smb,1,\(other),,\n")
        #expect(rows[1].info.contractSigned.iso == meant)
    }

    @Test func everyValueReadAsSomethingElseIsNamed() throws {
        let rows = try parse(Self.header + "Acme,Ana,Startup,\"$120,000\",3/14/2026,04/30/2026,\n")
        #expect(
            rows[0].normalised == [
                "segment 'Startup' → smb", "ARR '$120,000' → 120000", "contract signed '3/14/2026' → 2026-03-14",
                "target go-live '04/30/2026' → 2026-04-30",
            ])
        #expect(try parse(Self.header + "Acme,Ana,smb,5,2026-01-01,,\n")[0].normalised.isEmpty)
    }

    @Test(arguments: cases)
    func aBadFileIsRefusedNamingLineAndColumn(_ c: Case) {
        let m = describe { _ = try parse(c.body) }
        #expect(m?.hasPrefix(c.message) == true, "got: \(m ?? "no error")")
    }

    @Test func nonUTF8BytesAreRefused() {
        let m = describe { _ = try CSVImport.parse(Data([0x41, 0x2C, 0xFF, 0xFE, 0x0A]), file: "won.csv") }
        #expect(m == "won.csv: is not UTF-8 text (save the export as CSV UTF-8)")
    }

    @Test func oneBadRowAtTheEndImportsNothing() throws {
        let dir = TempDir()
        let store = try Store(path: dir.file("s.sqlite"), mode: .create)
        let good = (0..<50).map { "Acct \($0),Ana,smb,1000,2026-01-01,,Sam\n" }.joined()
        #expect(
            describe { _ = try parse(Self.header + good + "Broken,Ana,smb,1000,yesterday,,Sam\n") }?.hasPrefix(
                "won.csv:52:") == true)
        // And a clash with the store, found after every row was applied, rolls all back too.
        _ = try Operations.importAccounts(
            try parse(Self.header + "Acct 49,Ana,smb,1,2026-01-01,,\n"), file: "a.csv", catalog: builtins,
            playbook: nil, into: store, who: "lee")
        let m = describe {
            _ = try Operations.importAccounts(
                try parse(Self.header + good), file: "won.csv", catalog: builtins,
                playbook: nil, into: store, who: "lee")
        }
        #expect(m == "won.csv:51: account 'Acct 49' is already in the store")
        #expect(try store.accounts().map(\.name) == ["Acct 49"])
    }

    @Test func importedAccountsGetTheirPlaybookAndAnEvent() throws {
        let dir = TempDir()
        let store = try Store(path: dir.file("s.sqlite"), mode: .create)
        let rows = try parse(
            Self.header + "Acme,Ana,enterprise,100000,2026-01-02,2026-03-01,Sam\nBeta,Bo,smb,5000,2026-01-05,,\n")
        let made = try Operations.importAccounts(
            rows, file: "won.csv", catalog: builtins, playbook: nil, into: store, who: "lee",
            now: Date(timeIntervalSince1970: 1_767_600_000))
        #expect(made.map(\.playbook) == ["enterprise-high-touch", "smb-tech-touch"])
        let acme = try store.accounts()[0]
        #expect(acme.tasks.count == 22 && acme.goLive == day("2026-03-01") && acme.stage.name == "Handoff")
        #expect(try store.events().map(\.kind) == ["account.created", "account.created"])
        #expect(try store.events().first?.who == "lee")
    }

    @Test func aDryRunChecksEverythingAndWritesNothing() throws {
        let dir = TempDir()
        let store = try Store(path: dir.file("s.sqlite"), mode: .create)
        let made = try Operations.importAccounts(
            try parse(Self.header + "Acme,Ana,smb,1,2026-01-01,,\n"), file: "won.csv", catalog: builtins,
            playbook: "smb-tech-touch", into: store, who: "lee", dryRun: true)
        #expect(made.count == 1)
        #expect(try store.accounts().isEmpty && store.events().isEmpty && store.playbooks().isEmpty)
    }
}

extension CSVImportTests {
    /// An account imported weeks after its contract gets its plan from the day it arrives:
    /// its contract date stays (time to value counts from it), but it is neither late nor
    /// stalled on its first day.
    @Test func anAccountImportedLateIsNotStalledOnItsFirstDay() throws {
        let dir = TempDir()
        let store = try Store(path: dir.file("s.sqlite"), mode: .create)
        let rows = try parse(Self.header + "Late Co,Ana,enterprise,5000,2026-10-01,,\n")
        let arrival = day("2026-11-22")
        let accounts = try Operations.importAccounts(
            rows, file: "won.csv", catalog: builtins, playbook: nil, into: store, who: "lee", today: arrival)
        let a = try #require(accounts.first)
        #expect(a.contractSigned == day("2026-10-01") && a.stages[0].enteredOn == arrival)
        #expect(a.tasks.allSatisfy { $0.due >= arrival })
        #expect(a.stall(asOf: arrival) == nil)
        #expect(a.status(asOf: arrival).rag != .red)
    }
}

extension CSVImportTests {
    @Test func theHandoffRecordIsReadFromOptionalColumns() throws {
        let rows = try parse(
            "Account Name,CSM,Segment,ARR,Contract Signed,Goals,Technical Requirements,Promises,Champion,"
                + "Executive Sponsor\n"
                + "Acme,Ana,smb,5,2026-01-02,one view of orders,SSO,custom report,Mia Vogel,Raj Patel\n")
        let h = rows[0].info.handoff
        #expect(h.goals == "one view of orders" && h.requirements == "SSO" && h.promises == "custom report")
        #expect(
            h.stakeholders == [
                Stakeholder(role: "champion", name: "Mia Vogel"), Stakeholder(role: "exec_sponsor", name: "Raj Patel"),
            ])
        #expect(h.missing.isEmpty)
        #expect(try parse(Self.header + "Acme,Ana,smb,5,2026-01-02,,\n")[0].info.handoff.isEmpty)
    }

    @Test func stakeholdersContactsComeFromTheirOwnColumns() throws {
        let rows = try parse(
            "Account Name,CSM,Segment,ARR,Contract Signed,Champion,Champion Email,Executive Sponsor,Sponsor Phone\n"
                + "Acme,Ana,smb,5,2026-01-02,Mia Vogel,mia@acme.example,Raj Patel,\n")
        #expect(
            rows[0].info.handoff.stakeholders == [
                Stakeholder(role: "champion", name: "Mia Vogel", contact: "mia@acme.example"),
                Stakeholder(role: "exec_sponsor", name: "Raj Patel"),
            ])
        #expect(
            rows[0].info.handoff.stakeholderText == "champion: Mia Vogel <mia@acme.example>; exec sponsor: Raj Patel")
    }
}

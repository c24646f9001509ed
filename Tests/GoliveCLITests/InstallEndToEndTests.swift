import Foundation
import Testing

/// `golive install` and `golive uninstall` through the real binary, into a prefix inside the
/// test's own folder: what a user gets (binary, man page with the keys, completions), and
/// that nothing of theirs is ever replaced or removed.
@Suite(.serialized)
struct InstallEndToEndTests {
    static let installed = [
        "bin/golive", "share/man/man1/golive.1", "share/bash-completion/completions/golive",
        "share/zsh/site-functions/_golive", "share/fish/vendor_completions.d/golive.fish",
    ]

    /// A page as generate-manual makes one, reduced to what install reads.
    func generatedPage(_ cli: CLI) -> String {
        cli.write("golive.1", ".Dd December 7, 2026\n.Dt GOLIVE 1\n.Os\n.Sh NAME\n.Nm golive\n.Sh \"EXIT STATUS\"\n")
    }

    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }

    @Test func installPutsTheBinaryManPageAndCompletionsUnderThePrefixAndUninstallLeavesNothing() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let prefix = cli.file("prefix")
        let r = try cli.run(["install", "--prefix", prefix, "--man-page", generatedPage(cli)])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("installed golive "), "\(r.out)")
        for path in Self.installed {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + path), "\(path)")
        }
        #expect(mode(prefix + "/bin/golive") == 0o755)
        #expect(mode(prefix + "/share/man/man1/golive.1") == 0o644)
        #expect(cli.bytes(prefix + "/bin/golive") == cli.bytes(CLI.binary))
        let version = try cli.runProgram(prefix + "/bin/golive", ["--version"])
        #expect(version.status == 0 && !version.out.isEmpty)
        let page = String(decoding: cli.bytes(prefix + "/share/man/man1/golive.1") ?? Data(), as: UTF8.self)
        #expect(page.contains(".Sh KEYS") && page.contains(".Sh FILES") && page.contains(".Sh ENVIRONMENT"))
        #expect(page.contains("\"\\&Stalled review\""), "the keys come screen by screen")
        #expect(page.contains("keys.yaml"))
        let keys = page.range(of: ".Sh KEYS")!.lowerBound
        let exit = page.range(of: ".Sh \"EXIT STATUS\"")!.lowerBound
        #expect(keys < exit, "the keys come before the exit status")
        let bash = String(
            decoding: cli.bytes(prefix + "/share/bash-completion/completions/golive") ?? Data(), as: UTF8.self)
        #expect(bash.contains("_golive()") || bash.contains("_golive ()"))

        let again = try cli.run(["install", "--prefix", prefix, "--man-page", generatedPage(cli)])
        #expect(again.status == 0, "a second install replaces its own files: \(again.err)")
        let reinstalled = String(decoding: cli.bytes(prefix + "/share/man/man1/golive.1") ?? Data(), as: UTF8.self)
        #expect(reinstalled.components(separatedBy: ".Sh KEYS").count == 2, "the keys once, not twice")

        let gone = try cli.run(["uninstall", "--prefix", prefix])
        #expect(gone.status == 0, "\(gone.err)")
        #expect(gone.out.contains("5 files"), "\(gone.out)")
        #expect(!FileManager.default.fileExists(atPath: prefix), "the prefix install made is gone with it")
    }

    @Test func aFileGoliveDidNotInstallIsLeftAloneUnlessForced() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let prefix = cli.file("prefix")
        let mine = cli.write("prefix/bin/golive", "#!/bin/sh\necho mine\n")
        let r = try cli.run(["install", "--prefix", prefix, "--man-page", generatedPage(cli)])
        #expect(r.status != 0)
        #expect(
            r.err
                == "golive: \(mine) exists and golive did not install it: nothing was installed (--force replaces it)\n"
        )
        #expect(String(decoding: cli.bytes(mine) ?? Data(), as: UTF8.self) == "#!/bin/sh\necho mine\n")
        #expect(!FileManager.default.fileExists(atPath: prefix + "/share"), "nothing was written")

        let forced = try cli.run(["install", "--prefix", prefix, "--man-page", generatedPage(cli), "--force"])
        #expect(forced.status == 0, "\(forced.err)")
        #expect(cli.bytes(mine) == cli.bytes(CLI.binary))
        let gone = try cli.run(["uninstall", "--prefix", prefix])
        #expect(gone.status == 0)
        #expect(!FileManager.default.fileExists(atPath: mine))
        #expect(!FileManager.default.fileExists(atPath: prefix + "/share"))
        #expect(FileManager.default.fileExists(atPath: prefix + "/bin"), "the folder was there before install")
    }

    @Test func aPlaceThatIsNotAFileIsNeverReplacedEvenWhenForced() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let prefix = cli.file("prefix")
        try FileManager.default.createDirectory(atPath: prefix + "/share/man/man1", withIntermediateDirectories: true)
        let fifo = prefix + "/share/man/man1/golive.1"
        #expect(mkfifo(fifo, 0o644) == 0)
        let r = try cli.run(["install", "--prefix", prefix, "--man-page", generatedPage(cli), "--force"])
        #expect(r.status != 0)
        #expect(r.err == "golive: \(fifo) is a FIFO, not a file: nothing was installed\n")
        #expect(!FileManager.default.fileExists(atPath: prefix + "/bin"))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func uninstallKeepsAFileChangedSinceAndTheFoldersHoldingIt() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let prefix = cli.file("prefix")
        #expect(try cli.run(["install", "--prefix", prefix, "--man-page", generatedPage(cli)]).status == 0)
        let fish = prefix + "/share/fish/vendor_completions.d/golive.fish"
        let edited = (cli.bytes(fish) ?? Data()) + Data("# mine\n".utf8)
        try edited.write(to: URL(fileURLWithPath: fish))
        let r = try cli.run(["uninstall", "--prefix", prefix])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out
                == "removed golive \(try version(cli)) from \(prefix): 4 files\nkept \(fish): it changed since golive installed it\n"
        )
        #expect(cli.bytes(fish) == edited)
        #expect(!FileManager.default.fileExists(atPath: prefix + "/bin"))
        #expect(!FileManager.default.fileExists(atPath: prefix + "/share/golive"))
    }

    @Test func uninstallWhereNothingIsInstalledSaysSoAndRemovesNothing() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let prefix = cli.file("prefix")
        let other = cli.write("prefix/bin/golive", "not ours")
        let r = try cli.run(["uninstall", "--prefix", prefix])
        #expect(r.status != 0)
        #expect(r.err.hasPrefix("golive: golive is not installed under \(prefix) (no "), "\(r.err)")
        #expect(cli.bytes(other) == Data("not ours".utf8))
    }

    @Test func installWithoutAManPageSaysHowToMakeOne() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let prefix = cli.file("prefix")
        let notAPage = cli.write("notes.txt", "hello\n")
        let r = try cli.run(["install", "--prefix", prefix, "--man-page", notAPage])
        #expect(r.status != 0)
        #expect(r.err == "golive: \(notAPage) is not golive's man page (no .Dt GOLIVE line): nothing was installed\n")
        #expect(!FileManager.default.fileExists(atPath: prefix))
    }

    func version(_ cli: CLI) throws -> String {
        try cli.run(["--version"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

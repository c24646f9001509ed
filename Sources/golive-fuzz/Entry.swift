import Foundation

// Built with `--sanitize=fuzzer`, libFuzzer brings its own main and calls this for every
// input; the target is chosen once, on the first call.
nonisolated(unsafe) private var target: FuzzTarget?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let chosen = target ?? FuzzTarget.chosen()
    target = chosen
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    chosen.run(data)
    return 0
}

// A plain `swift build` has no libFuzzer, and SwiftPM links an executable's entry under the
// module's name (`<module>_main`, so that tests can link executables). There this replays
// files: `golive-fuzz TARGET FILE|DIRECTORY...`, the way a crasher is reproduced without
// the sanitizer build, and the way the regression corpus is run.
@_cdecl("golive_fuzz_main")
public func replayMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    let arguments = (0..<Int(argc)).compactMap { argv[$0].map { String(cString: $0) } }
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
    guard arguments.count >= 3, let chosen = FuzzTarget(rawValue: arguments[1]) else {
        print("usage: golive-fuzz \(names) FILE|DIRECTORY...")
        print("(built with --sanitize=fuzzer: GOLIVE_FUZZ_TARGET=NAME golive-fuzz [libFuzzer options] [CORPUS])")
        return 2
    }
    var replayed = 0
    for path in arguments.dropFirst(2) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            print("golive-fuzz: \(path): no such file")
            return 1
        }
        let files =
            isDirectory.boolValue
            ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }
            : [path]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            chosen.run(data)
            replayed += 1
        }
    }
    print("golive-fuzz: \(replayed) inputs replayed through \(chosen.rawValue), none crashed")
    return 0
}

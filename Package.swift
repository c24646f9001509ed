// swift-tools-version: 6.1
import PackageDescription

// The module graph (see README "Architecture"):
//   GoliveDomain  ← Foundation only: words, rules, metrics, the change function
//   GoliveStore   ← GRDB and libpq; persists changes of the domain as transactions + events
//   GoliveIO      ← Yams + CSV: playbook files, CSV import, JSON export, reports, seeding
//   GoliveTerminal← the front end without a terminal: state, update, views into a cell buffer
//   golive        ← the executable: command line (ArgumentParser) and the ncurses backend
let package = Package(
    name: "golive",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "golive", targets: ["golive"]),
        .executable(name: "golive-bench", targets: ["golive-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // Each README beside the code is documentation, not a resource.
        .target(name: "GoliveDomain", exclude: ["README.md"]),
        .target(
            name: "GoliveStore",
            dependencies: [
                "GoliveDomain", "CLibpq",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["README.md", "Postgres/README.md"]),
        .target(
            name: "GoliveIO",
            dependencies: [
                "GoliveDomain", "GoliveStore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            exclude: ["README.md"]),
        .target(
            name: "GoliveTerminal",
            dependencies: ["GoliveDomain", "GoliveStore", "GoliveIO", .product(name: "Yams", package: "Yams")]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // libpq, not PostgresNIO: a 2 s build against 4-5 minutes, synchronous as the key loop
        // is, and the server's own words in every error (README "Architecture"). Loaded when
        // a team store is opened, not linked: see its header.
        .target(name: "CLibpq"),
        .executableTarget(
            name: "golive",
            dependencies: [
                "GoliveDomain", "GoliveStore", "GoliveIO", "GoliveTerminal", "CNcursesw",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "golive-bench",
            dependencies: [
                "GoliveDomain", "GoliveStore", "GoliveIO", "GoliveTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]),
        // libFuzzer targets for every parser of outside input and for the keys on a board
        // (README "Data safety"); a plain build makes it a replayer of saved inputs.
        .executableTarget(
            name: "golive-fuzz",
            dependencies: [
                "GoliveDomain", "GoliveStore", "GoliveIO", "GoliveTerminal",
                // The backup target edits a backup as another program would, with SQL.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .target(name: "GoliveTestSupport", path: "Tests/GoliveTestSupport"),
        .testTarget(name: "GoliveDomainTests", dependencies: ["GoliveDomain"]),
        .testTarget(
            name: "GoliveStoreTests",
            dependencies: [
                "GoliveDomain", "GoliveStore", "GoliveTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "GoliveIOTests",
            dependencies: [
                "GoliveDomain", "GoliveStore", "GoliveIO", "GoliveTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "GoliveTerminalTests",
            dependencies: ["GoliveDomain", "GoliveStore", "GoliveIO", "GoliveTerminal", "GoliveTestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "GoliveCLITests", dependencies: ["GoliveDomain", "GoliveTestSupport"],
            exclude: ["Corpus", "Independent"]),
    ],
    swiftLanguageModes: [.v6]
)

import Foundation
import Testing

/// `config.yaml`: who the user is, when the login is not how the team writes their name.
@Suite(.serialized)
struct ConfigFileTests {
    @Test func theUserSettingNamesWhoChangesAreRecordedUnder() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        _ = cli.write("config/golive/config.yaml", "user: Ana Souza\n")
        let info = try cli.run(["info"], env: ["USER": "asouza"])
        #expect(info.status == 0 && info.out.contains("user:       Ana Souza"), "\(info.out)\(info.err)")
        let flag = try cli.run(["info", "--user", "lee"], env: ["USER": "asouza"])
        #expect(flag.out.contains("user:       lee"))
    }

    @Test func aMisspeltSettingIsRefusedWithTheFileAndLine() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let path = cli.write("config/golive/config.yaml", "# mine\nusr: Ana Souza\n")
        let r = try cli.run(["info"])
        #expect(r.status != 0)
        #expect(
            r.err
                == "golive: \(path):2: config: unknown key 'usr' (expected one of: capacity, capacity_weights, user)\n",
            "\(r.err)")
    }
}

extension ConfigFileTests {
    @Test func theCapacitySettingIsTheMetricsCapacityAndFlagsCSMsOverIt() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        _ = cli.write("config/golive/config.yaml", "capacity: 2\n")
        let r = try cli.run(["report", "metrics", "--store", store, "--as-of", "2026-11-22", "--format", "markdown"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("| Weighted load | Capacity per quarter | Over capacity |"))
        #expect(r.out.contains("| 2 | yes |"), "\(r.out)")
        // Weighted by segment: an SMB onboarding counts a tenth, so nobody is over.
        _ = cli.write(
            "config/golive/config.yaml", "capacity: 2\ncapacity_weights: {enterprise: 0.1, mid-market: 0.1, smb: 0.1}\n"
        )
        let light = try cli.run([
            "report", "metrics", "--store", store, "--as-of", "2026-11-22", "--format", "markdown",
        ])
        #expect(light.status == 0, "\(light.err)")
        #expect(light.out.contains("| 2 |") && !light.out.contains("| yes |"), "\(light.out)")
        _ = cli.write("config/golive/config.yaml", "capacity_weights: {smb: -1}\n")
        let negative = try cli.run(["report", "metrics", "--store", store])
        #expect(
            negative.err.contains("config.yaml:1: capacity_weights.smb must be a number above 0 and at most 10"),
            "\(negative.err)")
        _ = cli.write("config/golive/config.yaml", "capacity: 0\n")
        let bad = try cli.run(["report", "metrics", "--store", store])
        #expect(bad.status != 0 && bad.err.contains("config.yaml:1: capacity must be from 1 to 100 (got 0)"))
    }
}

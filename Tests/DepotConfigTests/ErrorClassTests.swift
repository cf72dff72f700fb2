import DepotConfig
import Foundation
import Testing

/// One mistake per error class: the loader must report it at the exact line and column, with the
/// key path and a message that says what is wrong.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let old: String
    let new: String
    /// Text in the broken file whose first character the issue must point at.
    let at: String
    let keyPath: String
    let message: String
    /// Further replacements, for mistakes that take two edits.
    var also: [String: String] = [:]

    var testDescription: String { name }

    /// The 1-based line and column of `at` in the broken file.
    func expectedPosition(in yaml: String) -> (line: Int, column: Int)? {
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: at) { return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1) }
        }
        return nil
    }
}

@Suite("Depot file error classes")
struct ErrorClassTests {
    static let cases: [ErrorCase] = [
        ErrorCase(
            name: "unknown key with suggestion", old: "  connection_kw: 1000", new: "  connection_kw: 1000\n  conection_kw: 5",
            at: "conection_kw", keyPath: "grid.conection_kw", message: "unknown key (did you mean connection_kw?)"),
        ErrorCase(
            name: "missing required key", old: "  timezone: Europe/Berlin\n", new: "", at: "id: test", keyPath: "depot.timezone",
            message: "missing required key"),
        ErrorCase(
            name: "wrong type", old: "connection_kw: 1000", new: "connection_kw: lots", at: "lots", keyPath: "grid.connection_kw",
            message: "expected a number, found the text \"lots\""),
        ErrorCase(
            name: "value out of range", old: "target_soc: 90", new: "target_soc: 120", at: "120", keyPath: "timetable[0].target_soc",
            message: "must be between 0 and 100"),
        ErrorCase(
            name: "unresolved reference", old: "tenant: fleet,", new: "tenant: flet,", at: "flet", keyPath: "vehicles[0].tenant",
            message: "unknown tenant flet; declared: fleet, public"),
        ErrorCase(
            name: "duplicate id", old: "  - { id: hall, name: Halle }", new: "  - { id: hall, name: Halle }\n  - { id: hall, name: Again }",
            at: "hall, name: Again", keyPath: "areas[1].id", message: "duplicate area id hall"),
        ErrorCase(
            name: "circuit above its parent", old: "{ id: cab-1, limit_kw: 400 }", new: "{ id: cab-1, limit_kw: 900 }", at: "900",
            keyPath: "circuits[0].children[0].limit_kw", message: "900 kW exceeds the limit of circuit hall (800 kW)"),
        ErrorCase(
            name: "tenant budgets above the connection", old: "priority: 10 }", new: "priority: 10, power_budget_kw: 1200 }", at: "- { id: fleet",
            keyPath: "tenants", message: "guaranteed power budgets add up to 1200 kW, above grid.connection_kw (1000 kW)"),
        ErrorCase(
            name: "overlapping blocks", old: "  connection_kw: 1000",
            new: """
                  connection_kw: 1000
                  blocks:
                    - { name: night, from: "22:00", to: "06:00", limit_kw: 900, price_per_kwh: 0.1 }
                    - { name: day, from: "05:00", to: "22:00", limit_kw: 600, price_per_kwh: 0.3 }
                """, at: "- { name: night", keyPath: "grid.blocks", message: "blocks night and day overlap at 05:00"),
        ErrorCase(
            name: "blocks with a gap", old: "  connection_kw: 1000",
            new: """
                  connection_kw: 1000
                  blocks:
                    - { name: night, from: "22:00", to: "06:00", limit_kw: 900, price_per_kwh: 0.1 }
                    - { name: day, from: "07:00", to: "22:00", limit_kw: 600, price_per_kwh: 0.3 }
                """, at: "- { name: night", keyPath: "grid.blocks", message: "blocks leave 06:00–07:00 uncovered; blocks must cover the whole day"),
        ErrorCase(
            name: "unquoted time of day", old: "arrival: \"22:00\"", new: "arrival: 22:00", at: "22:00", keyPath: "timetable[0].arrival",
            message: "write times of day in quotes, e.g. \"22:00\" (unquoted YAML reads them as numbers)"),
        ErrorCase(
            name: "impossible time of day", old: "departure: \"05:30\"", new: "departure: \"25:30\"", at: "\"25:30\"",
            keyPath: "timetable[0].departure", message: "expected a time of day \"HH:MM\" (00:00–23:59), found \"25:30\""),
        ErrorCase(
            name: "literal secret", old: "password_env: C1_PASSWORD", new: "password_env: C1_PASSWORD\n    password: hunter2",
            at: "password: hunter2",
            keyPath: "chargers[0].password",
            message: "secrets never stand in configuration files: use password_env (an environment variable) or password_file"),
        ErrorCase(
            name: "two forms of one secret", old: "password_env: C1_PASSWORD", new: "password_env: C1_PASSWORD\n    password_file: /run/c1",
            at: "id: C1",
            keyPath: "chargers[0].password", message: "give only one of password_env, password_file"),
        ErrorCase(
            name: "malformed password hash", old: "password_env: C1_PASSWORD", new: "password_hash: \"md5$abc\"", at: "\"md5$abc\"",
            keyPath: "chargers[0].password_hash",
            message: "expected hmac-sha256$<32 hex salt>$<64 hex digest> as written by `busbar charger password`"),
        ErrorCase(
            name: "fail-safe shares above a circuit", old: "    area: hall\n", new: "    area: hall\n    fail_safe_kw: 150\n", at: "- id: C1",
            keyPath: "chargers", message: "fail_safe_kw of the chargers under circuit cab-1 add up to 150 kW, above its headroom 100 kW",
            also: ["cab-1, limit_kw: 400": "cab-1, limit_kw: 100"]),
        ErrorCase(
            name: "bay outside the tenant's areas", old: "areas: [hall] }", new: "areas: [yard] }", at: "yard", keyPath: "tenants[0].areas[0]",
            message: "unknown area yard; declared: hall"),
        ErrorCase(
            name: "token identifying two vehicles", old: "id_tokens: [\"AA11\"] }",
            new: "id_tokens: [\"AA11\"] }\n  - { id: bus-2, tenant: fleet, battery_kwh: 350, max_kw: 150, id_tokens: [\"aa11\"] }", at: "\"aa11\"",
            keyPath: "vehicles[1].id_tokens[0]", message: "token aa11 already identifies vehicle bus-1"),
        ErrorCase(
            name: "unknown time zone", old: "Europe/Berlin", new: "Europe/Berlinn", at: "Europe/Berlinn", keyPath: "depot.timezone",
            message: "unknown time zone \"Europe/Berlinn\"; use an IANA name such as Europe/Berlin"),
        ErrorCase(
            name: "value not in the enumeration", old: "ocpp: \"1.6\"", new: "ocpp: \"1.5\"", at: "\"1.5\"", keyPath: "chargers[0].ocpp",
            message: "must be one of 1.6, 2.0.1; found \"1.5\""),
        ErrorCase(
            name: "connector minimum above maximum", old: "min_kw: 10", new: "min_kw: 200", at: "200", keyPath: "chargers[0].connectors[0].min_kw",
            message: "min_kw (200 kW) exceeds max_kw (150 kW)"),
        ErrorCase(
            name: "phases on a DC connector", old: "min_kw: 10 }", new: "min_kw: 10, phases: 3 }", at: "3 }",
            keyPath: "chargers[0].connectors[0].phases",
            message: "phases apply to AC connectors only"),
        ErrorCase(
            name: "unknown meter station", old: "  connection_kw: 1000", new: "  connection_kw: 1000\n  meter: { charger: METER }",
            at: "{ charger: METER }",
            keyPath: "grid.meter", message: "meter charger METER is not among the chargers"),
        ErrorCase(
            name: "pre-conditioning outside the stay", old: "target_soc: 90,", new: "target_soc: 90, precondition: { start: \"12:00\" },",
            at: "\"12:00\"",
            keyPath: "timetable[0].precondition.start", message: "pre-conditioning start 12:00 is outside the stay 22:00–05:30"),
        ErrorCase(
            name: "minimum target above target", old: "target_soc: 90,", new: "target_soc: 90, min_target_soc: 95,", at: "95",
            keyPath: "timetable[0].min_target_soc", message: "min_target_soc (95 %) exceeds target_soc (90 %)"),
        ErrorCase(
            name: "station identity with a colon", old: "- id: C1", new: "- id: \"C:1\"", at: "\"C:1\"", keyPath: "chargers[0].id",
            message: "an OCPP station identity has at most 48 characters and no ':'"),
        ErrorCase(
            name: "mapping where a list belongs", old: "tenants:\n", new: "tenants: { id: x }\nunused:\n", at: "{ id: x }", keyPath: "tenants",
            message: "expected a list, found a mapping"),
    ]

    @Test(arguments: cases)
    func reportsTheMistakeWhereItIs(_ errorCase: ErrorCase) throws {
        var yaml = LoaderHarness.minimal(replacing: errorCase.old, with: errorCase.new)
        for (old, new) in errorCase.also { yaml = yaml.replacingOccurrences(of: old, with: new) }
        let issues = LoaderHarness.issues(yaml)
        let issue = try #require(issues.first { $0.keyPath == errorCase.keyPath }, "issues: \(issues)")
        let position = try #require(errorCase.expectedPosition(in: yaml))
        #expect(issue.line == position.line)
        #expect(issue.column == position.column)
        #expect(issue.message.hasPrefix(errorCase.message))
        #expect(issue.file == "test.yaml")
    }
}

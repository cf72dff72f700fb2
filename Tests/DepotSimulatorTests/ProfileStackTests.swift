import DepotSimulator
import Foundation
import Testing

@Suite struct ProfileStackTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func profile(
        _ id: Int, _ purpose: SimulatedProfile.Purpose, level: Int = 0, connector: Int = 1, transaction: String? = nil, duration: Int? = nil,
        unit: SimulatedProfile.RateUnit = .watts, periods: [(Int, Double)]
    ) -> SimulatedProfile {
        SimulatedProfile(
            id: id, purpose: purpose, stackLevel: level, connectorId: connector, transactionId: transaction, startSchedule: t0, duration: duration,
            unit: unit, periods: periods.map { .init(startPeriod: $0.0, limit: $0.1) }
        )
    }

    /// (profiles, seconds after t0, expected kW or nil for unconstrained)
    static let cases: [(name: String, profiles: [SimulatedProfile], at: Double, kilowatts: Double?)] = [
        ("no profile leaves the connector unconstrained", [], 0, nil),
        (
            "the higher stack level wins",
            [profile(1, .txDefault, level: 0, periods: [(0, 50_000)]), profile(2, .txDefault, level: 1, periods: [(0, 20_000)])], 10, 20
        ),
        (
            "a lower level applies where the higher has ended",
            [profile(1, .txDefault, level: 0, periods: [(0, 50_000)]), profile(2, .txDefault, level: 1, duration: 600, periods: [(0, 20_000)])], 700,
            50
        ),
        (
            "TxProfile overrides TxDefault",
            [profile(1, .txDefault, periods: [(0, 50_000)]), profile(2, .tx, transaction: "T1", periods: [(0, 90_000)])], 0, 90
        ),
        (
            "a TxProfile of another transaction is ignored",
            [profile(1, .txDefault, periods: [(0, 50_000)]), profile(2, .tx, transaction: "T9", periods: [(0, 90_000)])], 0, 50
        ),
        (
            "validity horizon then fail-safe period",
            [profile(2, .tx, transaction: "T1", periods: [(0, 120_000), (900, 30_000)])], 899, 120
        ),
        ("after the horizon the fail-safe period holds", [profile(2, .tx, transaction: "T1", periods: [(0, 120_000), (900, 30_000)])], 900, 30),
        (
            "after the TxProfile's duration the TxDefault fail-safe takes over",
            [
                profile(1, .txDefault, connector: 0, periods: [(0, 30_000)]),
                profile(2, .tx, transaction: "T1", duration: 900, periods: [(0, 120_000)]),
            ], 1000, 30
        ),
        (
            "the station maximum caps a session",
            [profile(1, .stationMax, connector: 0, periods: [(0, 40_000)]), profile(2, .tx, transaction: "T1", periods: [(0, 90_000)])], 0, 40
        ),
        ("amperes convert with 230 V and three phases", [profile(1, .txDefault, unit: .amperes, periods: [(0, 32)])], 0, 22.08),
        ("a schedule has not started before its start", [profile(1, .txDefault, periods: [(0, 50_000)])], -1, nil),
    ]

    @Test(arguments: cases.indices)
    func compositeLimit(index: Int) {
        let testCase = Self.cases[index]
        var stack = ProfileStack()
        for profile in testCase.profiles { stack.install(profile) }
        let limit = stack.limitKW(connectorId: 1, transactionId: "T1", transactionStart: Self.t0, at: Self.t0.addingTimeInterval(testCase.at))
        if let expected = testCase.kilowatts {
            #expect(abs((limit ?? -1) - expected) < 1e-9, "\(testCase.name)")
        } else {
            #expect(limit == nil, "\(testCase.name)")
        }
    }

    @Test(arguments: [(1800.0, 50.0), (7200.0, 10.0), (88_200.0, 50.0)])
    func aDailyRecurringProfileRepeats(offset: Double, kilowatts: Double) {
        var stack = ProfileStack()
        stack.install(
            SimulatedProfile(
                id: 1, purpose: .txDefault, stackLevel: 0, connectorId: 0, kind: .recurring(seconds: 86_400),
                startSchedule: Self.t0.addingTimeInterval(-86_400), unit: .watts,
                periods: [.init(startPeriod: 3600, limit: 10_000), .init(startPeriod: 0, limit: 50_000)]
            )
        )
        #expect(stack.limitKW(connectorId: 1, transactionId: nil, transactionStart: nil, at: Self.t0.addingTimeInterval(offset)) == kilowatts)
    }

    @Test func sameIdOrSameSlotReplacesInPlace() {
        var stack = ProfileStack()
        stack.install(Self.profile(1, .txDefault, periods: [(0, 50_000)]))
        stack.install(Self.profile(2, .txDefault, periods: [(0, 10_000)]))
        #expect(stack.profiles.map(\.id) == [2])
        #expect(stack.limitKW(connectorId: 1, transactionId: nil, transactionStart: nil, at: Self.t0) == 10)
    }

    @Test func clearByPurposeLeavesTheOthers() {
        var stack = ProfileStack()
        stack.install(Self.profile(1, .stationMax, connector: 0, periods: [(0, 40_000)]))
        stack.install(Self.profile(2, .txDefault, connector: 0, periods: [(0, 30_000)]))
        let cleared = stack.clear(id: nil, connectorId: nil, purpose: .txDefault, stackLevel: nil)
        let clearedUnknown = stack.clear(id: 7, connectorId: nil, purpose: nil, stackLevel: nil)
        #expect(cleared && !clearedUnknown)
        #expect(stack.profiles.map(\.id) == [1])
    }

    @Test func compositeScheduleListsEachChangeOnce() {
        var stack = ProfileStack()
        stack.install(Self.profile(1, .txDefault, connector: 0, periods: [(0, 30_000)]))
        stack.install(Self.profile(2, .tx, transaction: "T1", duration: 1800, periods: [(0, 120_000), (900, 60_000)]))
        let steps = stack.compositeSchedule(
            connectorId: 1, transactionId: "T1", transactionStart: Self.t0, from: Self.t0, seconds: 3600, unconstrainedKW: 150
        )
        #expect(steps.map(\.offset) == [0, 900, 1800])
        #expect(steps.map(\.kilowatts) == [120, 60, 30])
    }
}

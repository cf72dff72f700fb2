import DepotConfig
import DepotModel
import DepotSimulator
import Foundation
import Testing

/// The demo depot's chargers and timetable turned into stations and visits.
@Suite struct SimulationPlanTests {
    static let demo: Depot = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! DepotFileLoader.load(path: root.appendingPathComponent("config/depots/demo.yaml").path)
    }()

    /// Monday 23 November 2026, 18:00 in Hamburg.
    static let start = LocalDate(year: 2026, month: 11, day: 23).instant(at: TimeOfDay(hour: 18, minute: 0)!, in: demo.timeZone)

    @Test func theDemoNightHasEveryChargerAndNoDoubleBooking() throws {
        let plan = SimulationPlan(depot: Self.demo, start: Self.start, seed: 1)
        #expect(plan.stations.map(\.id) == Self.demo.chargers.map(\.id.rawValue))
        #expect(!plan.visits.isEmpty)
        #expect(plan.visits.allSatisfy { $0.arrival >= Self.start && $0.departure > $0.arrival })
        let tokens = Set(Self.demo.vehicles.flatMap(\.idTokens))
        #expect(plan.visits.allSatisfy { tokens.contains($0.vehicle.idToken) })
        for (index, visit) in plan.visits.enumerated() {
            for other in plan.visits[(index + 1)...] where other.station == visit.station && other.connector == visit.connector {
                #expect(!(visit.arrival...visit.departure).overlaps(other.arrival...other.departure))
            }
        }
        #expect(plan == SimulationPlan(depot: Self.demo, start: Self.start, seed: 1))
    }
}

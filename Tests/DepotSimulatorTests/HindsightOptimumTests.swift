import DepotConfig
import DepotModel
import DepotSimulator
import Foundation
import Testing

/// The hindsight optimum the demo measures a night against, on nights solved by hand.
@Suite struct HindsightOptimumTests {
    /// Two 300 kWh buses on two 150 kW chargers behind a 75 kW connection, 22:00–02:00, from 20 %
    /// to a minimum of 60 % and a target of 80 %, lossless: 4 h × 75 kW = 300 kWh reach the
    /// batteries, 240 of them to bring both to 60 %, the other 60 above it.
    static let yaml = """
        depot: { id: hand, name: Hand, timezone: Europe/Berlin }
        grid: { connection_kw: 75 }
        areas: [{ id: hall, name: Halle }]
        chargers:
          - { id: C1, ocpp: "1.6", password_env: C1_PASSWORD, area: hall, connectors: [{ id: 1, bay: B1, max_kw: 150 }] }
          - { id: C2, ocpp: "1.6", password_env: C2_PASSWORD, area: hall, connectors: [{ id: 1, bay: B2, max_kw: 150 }] }
        tenants: [{ id: fleet, class: fleet, priority: 100, areas: [hall] }]
        vehicles:
          - { id: bus-1, tenant: fleet, battery_kwh: 300, max_kw: 150, efficiency: 1, id_tokens: ["AA01"] }
          - { id: bus-2, tenant: fleet, battery_kwh: 300, max_kw: 150, efficiency: 1, id_tokens: ["AA02"] }
        timetable:
          - { vehicle: bus-1, arrival: "22:00", departure: "02:00", arrival_soc: 20, min_target_soc: 60, target_soc: 80, bay: B1 }
          - { vehicle: bus-2, arrival: "22:00", departure: "02:00", arrival_soc: 20, min_target_soc: 60, target_soc: 80, bay: B2 }
        """

    static func night() throws -> (Depot, SimulationPlan) {
        let depot = try DepotFileLoader.load(yaml: yaml, file: "hand.yaml", folder: URL(fileURLWithPath: NSTemporaryDirectory()))
        let start = LocalDate(year: 2026, month: 11, day: 23).instant(at: TimeOfDay(hour: 18, minute: 0)!, in: depot.timeZone)
        return (depot, SimulationPlan(depot: depot, start: start, seed: 1))
    }

    @Test func theGridLimitBoundsTheEnergyAndEveryBusReachesItsMinimum() throws {
        let (depot, plan) = try Self.night()
        #expect(plan.visits.count == 2)
        let optimum = try HindsightOptimum(depot: depot, plan: plan)
        #expect(abs(optimum.energy.reduce(0, +) - 300) < 0.01, "\(optimum.energy)")
        for soc in optimum.departureSoC {
            let soc = try #require(soc)
            #expect(soc >= 60 - 1e-6 && soc <= 80 + 1e-6)
        }
    }

    @Test func aVisitOfAVehicleTheDepotDoesNotKnowHasNoRow() throws {
        let (depot, plan) = try Self.night()
        var stranger = plan.visits[0]
        stranger.vehicle.idToken = "FFFF"
        let optimum = try HindsightOptimum(depot: depot, plan: SimulationPlan(stations: plan.stations, visits: [plan.visits[1], stranger]))
        let unknown = try #require(optimum.departureSoC.firstIndex(where: { $0 == nil }))
        #expect(optimum.energy[unknown] == 0)
        // Alone behind the 75 kW connection, the known bus gets all it wants: 180 kWh to 80 %.
        #expect(abs(optimum.energy.reduce(0, +) - 180) < 0.01, "\(optimum.energy)")
    }
}

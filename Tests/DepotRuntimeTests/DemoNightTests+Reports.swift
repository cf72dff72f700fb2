import DepotModel
import DepotRuntime
import Foundation
import Reports
import Storage
import Testing

extension DemoNightTests {
    /// The reports over the simulated night, from its database: sessions that delivered energy
    /// and are priced by their tenant's contract, and 15-minute site power within the grid limit.
    @Test func theReportsOfTheNightShowChargedSessionsAndTheGridLimitKept() async throws {
        let night = try await Self.night.value
        let request = ReportRequest(depot: night.depot.id, period: night.start..<night.final.at)
        let records = try await night.store.reportRecords(depot: night.depot.id, tenant: nil, period: request.period)

        let sessions = SessionReport(request: request, depot: night.depot, records: records)
        #expect(sessions.rows.filter { $0.energyKilowattHours > 0 }.count >= 10)
        #expect(sessions.rows.allSatisfy { $0.energyKilowattHours >= 0 })
        for row in sessions.rows where row.tenant == "hochbahn" {
            #expect(abs((row.cost ?? -1) - row.energyKilowattHours * 0.24) < 1e-6)
        }
        #expect(sessions.rows.contains { $0.targetMet == true })

        let power = PowerUseReport(request: request, depot: night.depot, records: records)
        #expect(power.rows.contains { $0.averageKilowatts > 0 })
        #expect(power.rows.allSatisfy { $0.excessKilowatts == 0 }, "\(power.rows.filter { $0.excessKilowatts > 0 })")
        let delivered = sessions.rows.reduce(0) { $0 + $1.energyKilowattHours }
        #expect(power.rows.reduce(0) { $0 + $1.energyKilowattHours } <= delivered + 1e-6)

        let chargers = ChargerPerformanceReport(request: request, depot: night.depot, records: records)
        #expect(chargers.rows.count == night.depot.chargers.count)
        #expect(chargers.rows.contains { $0.utilisationPercent > 0 })
    }
}

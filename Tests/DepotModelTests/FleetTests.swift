import DepotModel
import Foundation
import Testing

@Suite("Fleet and timetable")
struct FleetTests {
    let bus = Vehicle(
        id: "bus-1", tenant: "hochbahn", batteryCapacity: 350, maxPower: 150,
        powerCurve: [
            PowerCurvePoint(stateOfCharge: 0, maxPower: 150), PowerCurvePoint(stateOfCharge: 80, maxPower: 150),
            PowerCurvePoint(stateOfCharge: 100, maxPower: 30),
        ],
        idTokens: ["04A2B3C4D5E6", "MAC:001A2B3C4D5E"]
    )

    @Test func powerCurveTapersLinearly() {
        #expect(bus.maxPower(atStateOfCharge: 50) == 150)
        #expect(bus.maxPower(atStateOfCharge: 90) == 90)
        #expect(bus.maxPower(atStateOfCharge: 100) == 30)
    }

    @Test func tokensMatchWithoutCase() {
        #expect(bus.isIdentified(by: "04a2b3c4d5e6"))
        #expect(bus.isIdentified(by: "mac:001a2b3c4d5e"))
        #expect(!bus.isIdentified(by: "FFFF"))
    }

    @Test func dailyEntryBecomesADatedStayAcrossMidnight() throws {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let line = DailyTimetableEntry(
            vehicle: "bus-1", arrival: TimeOfDay("22:15")!, departure: TimeOfDay("05:30")!, weekdays: [.monday, .tuesday],
            targetSoC: 90, preconditioningStart: TimeOfDay("04:45")!, preconditioningMode: .hotWaterAndHeating
        )
        let monday = LocalDate(year: 2026, month: 11, day: 23)
        let entry = try #require(line.occurrence(arrivingOn: monday, tenant: "hochbahn", in: berlin))
        #expect(entry.arrival == ISO8601DateFormatter().date(from: "2026-11-23T21:15:00Z"))
        #expect(entry.departure == ISO8601DateFormatter().date(from: "2026-11-24T04:30:00Z"))
        #expect(entry.minTargetSoC == 90 && entry.maxTargetSoC == 90)
        guard case .automatic(_, let start?, _, _) = entry.preconditioning else {
            Issue.record("no preconditioning")
            return
        }
        #expect(start == ISO8601DateFormatter().date(from: "2026-11-24T03:45:00Z"))
        #expect(line.occurrence(arrivingOn: LocalDate(year: 2026, month: 11, day: 25), tenant: "hochbahn", in: berlin) == nil)
    }

    @Test func tenantAreaBinding() {
        let bound = Tenant(id: "a", name: "A", tenantClass: .fleet, priority: 1, areas: ["hall-a"])
        let free = Tenant(id: "b", name: "B", tenantClass: .public, priority: 1)
        #expect(bound.mayCharge(in: "hall-a"))
        #expect(!bound.mayCharge(in: "hall-b"))
        #expect(!bound.mayCharge(in: nil))
        #expect(free.mayCharge(in: nil))
    }

    @Test func circuitAncestryAndChargersUnderANode() {
        let depot = Depot(
            id: "d", name: "D", timeZone: .gmt, grid: GridConnection(connectionLimit: 1000),
            circuits: [
                Circuit(id: "hall", parent: nil, limit: 800), Circuit(id: "cab-1", parent: "hall", limit: 400),
                Circuit(id: "cab-2", parent: "hall", limit: 400),
            ],
            chargers: [
                Charger(id: "C1", ocppVersion: .v16, circuit: "cab-1", connectors: [Connector(number: 1, bay: "B1", maxPower: 150)]),
                Charger(id: "C2", ocppVersion: .v201, circuit: "cab-2", connectors: [Connector(number: 1, bay: "B2", maxPower: 150)]),
            ]
        )
        #expect(depot.ancestry(of: "cab-1").map(\.id) == ["cab-1", "hall"])
        #expect(depot.chargers(under: "hall").map(\.id) == ["C1", "C2"])
        #expect(depot.chargers(under: "cab-2").map(\.id) == ["C2"])
        #expect(depot.connector(servingBay: "B2") == ConnectorAddress(charger: "C2", connector: 1))
    }
}

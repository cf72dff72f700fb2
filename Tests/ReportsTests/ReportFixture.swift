import DepotModel
import Foundation
import Reports
import Storage

/// A hand-made evening at a small depot in UTC, with every number of the reports worked out by
/// hand in the tests. Blocks: peak 17–22 h (50 kW, 0.40), night 22–06 h (100 kW, 0.20),
/// day 06–17 h (200 kW, 0.30). Tenants: `fleet` on a 0.25 contract with a 60 kW budget, `city`
/// paying block prices with a 40 kW budget.
///
/// - T1 on C1, bus1 (fleet): 21:30 → 23:00, meter 1000 → 1030 at 22:00 → 1090; SoC 40 → 92 %.
/// - T2 on C2, bus2 (city): 21:45 → 22:30, meter 0 → 20 at 22:00 → 60; SoC 50 → 85 %.
enum ReportFixture {
    static let midnight = Date(timeIntervalSince1970: 1_795_478_400)  // 2026-11-24T00:00:00Z

    static func at(_ hour: Int, _ minute: Int = 0) -> Date { midnight.addingTimeInterval(Double(hour * 3_600 + minute * 60)) }

    /// The evening from 21:00 to midnight.
    static let evening = at(21)..<at(24)

    static let depot = Depot(
        id: "small", name: "Small depot", timeZone: TimeZone(identifier: "UTC")!,
        grid: GridConnection(
            connectionLimit: 300,
            blocks: [
                TimeBlock(name: "night", window: window("22:00", "06:00"), limit: 100, pricePerKilowattHour: 0.20),
                TimeBlock(name: "day", window: window("06:00", "17:00"), limit: 200, pricePerKilowattHour: 0.30),
                TimeBlock(name: "peak", window: window("17:00", "22:00"), limit: 50, pricePerKilowattHour: 0.40),
            ]),
        chargers: ["C1", "C2", "C3"].map { Charger(id: ChargerID($0), ocppVersion: .v16, connectors: [Connector(number: 1, maxPower: 150)]) },
        tenants: [
            Tenant(id: "fleet", name: "Fleet", tenantClass: .fleet, priority: 2, powerBudget: 60, billing: .contract(pricePerKilowattHour: 0.25)),
            Tenant(id: "city", name: "City", tenantClass: .fleet, priority: 1, powerBudget: 40, billing: .passThrough),
        ],
        vehicles: [
            Vehicle(id: "bus1", tenant: "fleet", batteryCapacity: 300, maxPower: 150),
            Vehicle(id: "bus2", tenant: "city", batteryCapacity: 300, maxPower: 150),
        ],
        timetable: [
            DailyTimetableEntry(vehicle: "bus1", arrival: TimeOfDay("21:00")!, departure: TimeOfDay("05:00")!, targetSoC: 90, minTargetSoC: 80)
        ])

    static func window(_ from: String, _ to: String) -> DailyWindow { DailyWindow(from: TimeOfDay(from)!, to: TimeOfDay(to)!) }

    static func transaction(
        _ id: Int64, charger: String, key: String, tenant: String?, vehicle: String?, from start: Date, meter: Double, to stop: Date?,
        meterStop: Double?
    ) -> ChargingTransactionRecord {
        ChargingTransactionRecord(
            id: id, depotID: "small", stationID: charger, transactionKey: key, connector: 1, tenantID: tenant, vehicleID: vehicle,
            startedAt: start, meterStartKWh: meter, stoppedAt: stop, meterStopKWh: meterStop, receivedAt: start)
    }

    static func sample(_ charger: String, _ key: String, _ at: Date, _ measurand: String, _ value: Double) -> TransactionSample {
        TransactionSample(station: ChargerID(charger), transactionKey: key, sampledAt: at, measurand: measurand, value: value)
    }

    static func presence(_ charger: String, online: Bool, since: Date) -> StationPresence {
        StationPresence(
            station: ChargerID(charger), depot: "small", bootState: .accepted, online: online, since: since, lastMessageAt: since, bootInfo: nil)
    }

    static let records = ReportRecords(
        transactions: [
            transaction(1, charger: "C1", key: "T1", tenant: "fleet", vehicle: "bus1", from: at(21, 30), meter: 1000, to: at(23), meterStop: 1090),
            transaction(2, charger: "C2", key: "T2", tenant: "city", vehicle: "bus2", from: at(21, 45), meter: 0, to: at(22, 30), meterStop: 60),
        ],
        samples: [
            sample("C1", "T1", at(21, 30), TransactionSample.stateOfCharge, 40),
            sample("C1", "T1", at(22), TransactionSample.energyRegister, 1030),
            sample("C1", "T1", at(23), TransactionSample.stateOfCharge, 92),
            sample("C2", "T2", at(21, 45), TransactionSample.stateOfCharge, 50),
            sample("C2", "T2", at(22), TransactionSample.energyRegister, 20),
            sample("C2", "T2", at(22, 30), TransactionSample.stateOfCharge, 85),
        ],
        timetable: [
            TimetableEntry(id: "bus2-evening", vehicle: "bus2", tenant: "city", arrival: at(21), departure: at(30), targetSoC: 95, source: .api)
        ],
        incidents: [
            IncidentRecord(
                depotID: "small", incidentKey: "charger_offline|charger:C1", kind: "charger_offline", tenantID: nil,
                status: .resolved, raisedAt: at(23), resolvedAt: at(23, 30))
        ],
        stations: [presence("C1", online: true, since: at(23, 30)), presence("C2", online: false, since: at(23, 45))],
        statusFrames: [
            LoggedFrame(
                station: "C1", at: at(23, 10),
                frame: #"[2,"a1","StatusNotification",{"connectorId":1,"status":"Faulted","errorCode":"GroundFailure"}]"#),
            LoggedFrame(
                station: "C1", at: at(23, 40), frame: #"[2,"a2","StatusNotification",{"connectorId":1,"status":"Available","errorCode":"NoError"}]"#),
            LoggedFrame(
                station: "C2", at: at(23, 50),
                frame: #"[2,"b1","StatusNotification",{"timestamp":"2026-11-24T23:50:00Z","connectorStatus":"Faulted","evseId":1,"connectorId":1}]"#),
        ])

    static func request(tenant: TenantID? = nil, vehicle: VehicleID? = nil) -> ReportRequest {
        ReportRequest(depot: "small", tenant: tenant, vehicle: vehicle, period: evening)
    }
}

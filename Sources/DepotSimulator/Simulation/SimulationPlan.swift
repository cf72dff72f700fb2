public import DepotModel
public import Foundation
public import OCPP

/// What a simulation runs: the stations and the vehicle visits, decided up front from a depot
/// file or generated, so the same seed and start give the same night.
public struct SimulationPlan: Hashable, Sendable {
    /// The stations, in the order visits refer to them.
    public var stations: [StationSetup]
    /// Visits ordered by arrival.
    public var visits: [VehicleVisit]

    /// A plan from explicit stations and visits (sorted by arrival here).
    public init(stations: [StationSetup], visits: [VehicleVisit]) {
        self.stations = stations
        self.visits = visits.sorted { ($0.arrival, $0.station, $0.connector) < ($1.arrival, $1.station, $1.connector) }
    }

    /// The depot's chargers, and its daily timetable as visits of the night starting at `start`:
    /// each entry running on that day arrives at its next arrival time after `start` on the
    /// connector of its bay, else on the first connector free for its stay; its SoC at arrival is
    /// the timetable's or a seeded draw of 20–50 %.
    public init(depot: Depot, start: Date, seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let stations = depot.chargers.map { charger in
            StationSetup(
                id: charger.id.rawValue, version: charger.ocppVersion == .v16 ? .v16 : .v201, connectorCount: max(1, charger.connectors.count),
                connectorMaxKW: charger.connectors.map(\.maxPower.value).max() ?? 150
            )
        }
        let day = LocalDate(containing: start, in: depot.timeZone)
        var busy: [ConnectorAddress: [ClosedRange<Date>]] = [:]
        var visits: [VehicleVisit] = []
        let entries = depot.timetable.sorted { ($0.arrival, $0.vehicle) < ($1.arrival, $1.vehicle) }
        for entry in entries {
            guard let vehicle = depot.vehicles.first(where: { $0.id == entry.vehicle }) else { continue }
            let arrivalDay = day.instant(at: entry.arrival, in: depot.timeZone) < start ? day.adding(days: 1) : day
            if !entry.weekdays.isEmpty, !entry.weekdays.contains(Weekday(of: arrivalDay)) { continue }
            let arrival = arrivalDay.instant(at: entry.arrival, in: depot.timeZone)
            var departure = LocalDate(containing: arrival, in: depot.timeZone).instant(at: entry.departure, in: depot.timeZone)
            if departure <= arrival {
                departure = LocalDate(containing: arrival, in: depot.timeZone).adding(days: 1).instant(at: entry.departure, in: depot.timeZone)
            }
            let stay = arrival...departure
            let candidates = depot.chargers.enumerated().flatMap { index, charger in
                charger.connectors.map { (index, ConnectorAddress(charger: charger.id, connector: $0.number), $0.bay) }
            }
            let free = candidates.filter { candidate in !(busy[candidate.1] ?? []).contains { $0.overlaps(stay) } }
            guard let chosen = free.first(where: { entry.bay != nil && $0.2 == entry.bay }) ?? free.first(where: { _ in entry.bay == nil }) else {
                continue
            }
            busy[chosen.1, default: []].append(stay)
            let soc = entry.arrivalSoC?.value ?? Double.random(in: 20...50, using: &random).rounded()
            let battery = SimulatedBattery(
                capacityKWh: vehicle.batteryCapacity.value, maxPowerKW: vehicle.maxPower.value, stateOfCharge: soc, efficiency: vehicle.efficiency
            )
            visits.append(
                VehicleVisit(
                    station: chosen.0, connector: chosen.1.connector,
                    vehicle: PluggedVehicle(idToken: vehicle.idTokens.first ?? vehicle.id.rawValue, battery: battery), arrival: arrival,
                    departure: departure
                )
            )
        }
        self.init(stations: stations, visits: visits)
    }

    /// `count` single-connector 150 kW stations `SIM-0001…` for load tests, odd ones 1.6 and even
    /// ones 2.0.1 (or all of `version`), each visited by one 400 kWh bus arriving within the first
    /// hour at 20–50 % SoC and staying six to eight hours.
    public static func synthetic(count: Int, version: OCPPVersion?, start: Date, seed: UInt64) -> SimulationPlan {
        var random = SeededGenerator(seed: seed)
        var stations: [StationSetup] = []
        var visits: [VehicleVisit] = []
        for index in 0..<count {
            let id = "SIM-" + String(format: "%04d", index + 1)
            stations.append(StationSetup(id: id, version: version ?? (index % 2 == 0 ? .v16 : .v201), connectorCount: 1, connectorMaxKW: 150))
            let arrival = start.addingTimeInterval(Double(Int.random(in: 0..<3600, using: &random)))
            let battery = SimulatedBattery(capacityKWh: 400, maxPowerKW: 150, stateOfCharge: Double(Int.random(in: 20...50, using: &random)))
            visits.append(
                VehicleVisit(
                    station: index, connector: 1, vehicle: PluggedVehicle(idToken: "TAG-" + String(format: "%04d", index + 1), battery: battery),
                    arrival: arrival, departure: arrival.addingTimeInterval(Double(Int.random(in: 6 * 3600...8 * 3600, using: &random)))
                )
            )
        }
        return SimulationPlan(stations: stations, visits: visits)
    }
}

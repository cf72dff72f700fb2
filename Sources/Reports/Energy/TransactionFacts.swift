import DepotModel
import Foundation
import Storage

/// One stored transaction with what the reports derive from its records: whose it is, its
/// energy flows and its first and last state of charge.
struct TransactionFacts: Sendable {
    let record: ChargingTransactionRecord
    let charger: ChargerID
    /// The tenant the runtime recorded: the same attribution that scopes the storage read.
    let tenant: TenantID?
    let vehicle: VehicleID?
    let flows: [EnergyFlow]
    let firstSoC: Double?
    let lastSoC: Double?

    /// The transaction's time, open-ended ones running until `end`.
    func activeInterval(until end: Date) -> Range<Date> {
        let stop = record.stoppedAt ?? end
        return record.startedAt..<Swift.max(record.startedAt, stop)
    }

    /// All energy the transaction delivered.
    var kilowattHours: Double { flows.reduce(0) { $0 + $1.kilowattHours } }

    /// The energy delivered inside `window`.
    func kilowattHours(in window: Range<Date>) -> Double { flows.reduce(0) { $0 + $1.kilowattHours(in: window) } }

    /// The facts of every transaction in `records`, in the order stored.
    static func all(_ records: ReportRecords) -> [TransactionFacts] {
        let samples = Dictionary(grouping: records.samples) { "\($0.station.rawValue)\u{1F}\($0.transactionKey)" }
        return records.transactions.map { record in
            let own = samples["\(record.stationID)\u{1F}\(record.transactionKey)"] ?? []
            let register = own.filter { $0.measurand == TransactionSample.energyRegister }.map { ($0.sampledAt, $0.value) }
            let soc = own.filter { $0.measurand == TransactionSample.stateOfCharge }.sorted { $0.sampledAt < $1.sampledAt }
            let vehicle = record.vehicleID.map { VehicleID($0) }
            let stop = record.stoppedAt.flatMap { at in record.meterStopKWh.map { (at, $0) } }
            return TransactionFacts(
                record: record, charger: ChargerID(record.stationID),
                tenant: record.tenantID.map { TenantID($0) }, vehicle: vehicle,
                flows: EnergyFlow.flows(start: (record.startedAt, record.meterStartKWh), readings: register, stop: stop),
                firstSoC: soc.first?.value, lastSoC: soc.last?.value)
        }
    }
}

public import DepotModel
public import DepotRuntime
import Foundation
import OCPP
import PowerSolver

/// Carries the depot's commands to the chargers as OCPP calls of each charger's version, with
/// profiles from the `ProfileBuilder` (docs/ocpp.md §13), and reads the answer's status.
public struct OCPPChargerControl: ChargerControl {
    let depot: Depot
    let registry: StationRegistry
    let clock: any BusbarClock
    let profileHorizon: Duration
    /// Each charger's fail-safe share, computed once from the depot tree (split among its
    /// connectors where a profile applies per connector).
    let failSafe: [ChargerID: Kilowatts]

    /// Commands for `depot`'s chargers through `registry`.
    public init(depot: Depot, registry: StationRegistry, clock: any BusbarClock, profileHorizon: Duration) {
        self.depot = depot
        self.registry = registry
        self.clock = clock
        self.profileHorizon = profileHorizon
        failSafe = FailSafeShares.shares(for: depot)
    }

    public func execute(_ command: ChargerCommand) async -> ChargerCommandResult {
        guard let charger = depot.charger(command.charger), let version = await registry.version(of: charger.id) else {
            return .failed("not connected")
        }
        let now = clock.now()
        switch command {
        case .installDefaults(_, let maximum, let failSafe):
            guard let connector = charger.connectors.first else { return .failed("no connector configured") }
            let builder = ProfileBuilder(
                capabilities: ChargerCapabilities(configured: charger, connector: connector, version: version), failSafeWatts: failSafe.watts,
                validityHorizon: profileHorizon)
            let failSafeResult = await send(builder.failSafeDefault(now: now), to: charger.id)
            guard failSafeResult.isAccepted else { return failSafeResult }
            return await send(builder.stationMaximum(watts: maximum.watts, now: now), to: charger.id)
        case .limit(let address, let transaction, let power):
            guard let connector = charger.connector(address.connector) else { return .failed("no connector \(address.connector)") }
            let builder = ProfileBuilder(
                capabilities: ChargerCapabilities(configured: charger, connector: connector, version: version),
                failSafeWatts: (failSafe[charger.id] ?? .zero).watts / Double(max(1, charger.connectors.count)), validityHorizon: profileHorizon)
            let id: ChargingTransactionID = version == .v16 ? .v16(Int(transaction) ?? 0) : .v201(transaction)
            let call = builder.sessionProfile(
                connector: address.connector, transaction: id, limits: [LimitStep(offsetSeconds: 0, watts: power.watts)], now: now)
            return await send(call, to: charger.id)
        case .remoteStart(let address, let idToken):
            let call: OutgoingCall =
                version == .v16
                ? .v16(.remoteStartTransaction(.init(connectorId: address.connector, idTag: idToken)))
                : .v201(
                    .requestStartTransaction(
                        .init(
                            evseId: address.connector, idToken: .init(idToken: idToken, type: .central),
                            remoteStartId: Int.random(in: 1...Int(Int32.max)))))
            return await send(call, to: charger.id)
        case .remoteStop(_, let transaction):
            let call: OutgoingCall =
                version == .v16
                ? .v16(.remoteStopTransaction(.init(transactionId: Int(transaction) ?? 0)))
                : .v201(.requestStopTransaction(.init(transactionId: transaction)))
            return await send(call, to: charger.id)
        }
    }

    /// Sends one call and reads the `status` of its answer.
    private func send(_ call: OutgoingCall, to charger: ChargerID) async -> ChargerCommandResult {
        switch await registry.send(call, to: charger) {
        case .notConnected: return .failed("not connected")
        case .timedOut: return .failed("no answer")
        case .outcome(.result(let result)):
            guard case .object(let fields)? = try? result.payload(), case .string(let status)? = fields["status"] else { return .accepted }
            return status == "Accepted" ? .accepted : .rejected(status)
        case .outcome(.error(_, let code, let description)): return .failed("\(code): \(description)")
        case .outcome(.invalidResult(let error)): return .failed("invalid answer: \(error)")
        case .outcome(.notSent(let error)): return .failed("not sent: \(error)")
        }
    }
}

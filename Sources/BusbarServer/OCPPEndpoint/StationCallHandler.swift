import DepotModel
import DepotRuntime
import Foundation
import OCPP
import Storage

/// The OCPP adapter for station CALLs: turns each wire message into domain values, persists them
/// through `BusbarStore` and builds the reply only after the commit (docs/reliability.md D1). Wire types
/// stop here (docs/architecture.md, flow of one event).
struct StationCallHandler: Sendable {
    let admission: StationAdmission
    let depot: Depot
    let store: BusbarStore
    /// The depot's runtime: told every persisted fact, asked who may charge.
    let controller: DepotController
    let clock: any BusbarClock
    let bootAdmission: BootAdmission
    /// Heartbeat interval handed to stations in BootNotification (docs/ocpp.md §2).
    let heartbeatInterval: Int

    var station: ChargerID { admission.identity }

    /// The connector address of connector (1.6) or EVSE (2.0.1) `number` of this station.
    func address(_ number: Int) -> ConnectorAddress { ConnectorAddress(charger: station, connector: number) }

    /// Serves one CALL; storage failures become `InternalError`, so the station retries and no
    /// false success is ever sent.
    /// - Parameter frameLogged: whether the frame is committed to the message log. A security event
    ///   is stored only there, so without that commit it must not be acknowledged.
    func handle(_ call: IncomingCall, frame: String, frameLogged: Bool) async throws(OCPPError) -> IncomingCallResult {
        guard frameLogged || call.action != "SecurityEventNotification" else {
            throw OCPPError(.internalFailure, "storage unavailable")
        }
        do {
            switch call {
            case .v16(let call): return .v16(try await handle(call, frame: frame))
            case .v201(let call): return .v201(try await handle(call, frame: frame))
            }
        } catch let error as OCPPError {
            throw error
        } catch {
            throw OCPPError(.internalFailure, "storage unavailable")
        }
    }

    /// Flags a station timestamp that cannot be trusted (docs/ocpp.md §8): more than 5 minutes ahead of
    /// Busbar's clock, or from before 2010 (stations that boot without a clock).
    func suspicion(of stationTime: Date, receivedAt: Date) -> TransactionSuspicion {
        var flags: TransactionSuspicion = []
        if stationTime.timeIntervalSince(receivedAt) > 300 { flags.insert(.futureTimestamp) }
        if stationTime < Date(timeIntervalSince1970: 1_262_304_000) { flags.insert(.implausibleTimestamp) }
        return flags
    }

    /// A random positive 31-bit transaction id: no guessable sequence (docs/ocpp.md §6).
    static func randomTransactionID() -> String {
        String(Int32.random(in: 1...Int32.max))
    }
}

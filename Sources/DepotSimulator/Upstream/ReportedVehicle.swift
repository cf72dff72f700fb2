public import Foundation
public import VDV

/// What Busbar's reports last said about one vehicle of the presystem: where it is, how its
/// charging goes and what Busbar predicts — the presystem's view of the night.
public struct ReportedVehicle: Equatable, Sendable {
    /// Where the reports put the vehicle.
    public enum Whereabouts: Equatable, Sendable {
        /// Requested, not plugged in yet (a scheduled charging process).
        case scheduled
        /// Plugged in at this charging point.
        case plugged(pointId: String)
        /// Plugged in earlier, gone from every point since this report time.
        case departed(at: Date)
    }

    /// The VIN (or Busbar id) the reports use.
    public let vehicleId: String
    /// Where it is.
    public var whereabouts: Whereabouts
    /// The request Busbar matched to it, if any.
    public var chargingRequestId: String?
    /// The last processStatus while plugged in.
    public var processStatus: VDV463.ProcessStatus?
    /// The last reported state of charge, percent.
    public var stateOfCharge: Double?
    /// The last prediction (of the plugged-in process, or of the scheduled one before).
    public var prediction: VDV463.ChargingPredictionData?
    /// When a report first showed it plugged in.
    public var firstPlugged: Date?

    /// A vehicle first seen in a report.
    public init(vehicleId: String, whereabouts: Whereabouts) {
        self.vehicleId = vehicleId
        self.whereabouts = whereabouts
    }
}

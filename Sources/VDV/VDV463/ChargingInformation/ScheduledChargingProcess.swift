public import Foundation

extension VDV463 {
    /// An accepted request not yet plugged in, with its forecast.
    public struct ScheduledChargingProcess: Codable, Equatable, Sendable {
        /// The presystem that sent the request.
        public var presystemId: String?
        /// The request.
        public var chargingRequestId: String
        /// The presystem's process id.
        public var chargingProcessId: String?
        /// The vehicle expected.
        public var vehicleId: String
        /// Planned start.
        public var startTime: Date?
        /// The plan's forecast.
        public var chargingPredictionData: ChargingPredictionData

        /// Every field; optional ones default to absent.
        public init(
            presystemId: String? = nil,
            chargingRequestId: String,
            chargingProcessId: String? = nil,
            vehicleId: String,
            startTime: Date? = nil,
            chargingPredictionData: ChargingPredictionData
        ) {
            self.presystemId = presystemId
            self.chargingRequestId = chargingRequestId
            self.chargingProcessId = chargingProcessId
            self.vehicleId = vehicleId
            self.startTime = startTime
            self.chargingPredictionData = chargingPredictionData
        }
    }
}

public import Foundation

extension VDV463 {
    /// The charging process running at a point: the OCPP session and the plan.
    public struct ChargingProcessInfo: Codable, Equatable, Sendable {
        /// The presystem whose request it serves.
        public var presystemId: String?
        /// The request it serves.
        public var chargingRequestId: String?
        /// Busbar's session id, or the presystem's process id.
        public var chargingProcessId: String
        /// Mapped from the OCPP status and the plan.
        public var processStatus: ProcessStatus
        /// When the session started.
        public var startTime: Date
        /// The plan's forecast.
        public var chargingPredictionData: ChargingPredictionData
        /// Present electrical values.
        public var electricData: ElectricData
        /// Energy delivered in this process, Wh.
        public var deliveredEnergy: Double?

        /// Every field; optional ones default to absent.
        public init(
            presystemId: String? = nil,
            chargingRequestId: String? = nil,
            chargingProcessId: String,
            processStatus: ProcessStatus,
            startTime: Date,
            chargingPredictionData: ChargingPredictionData,
            electricData: ElectricData,
            deliveredEnergy: Double? = nil
        ) {
            self.presystemId = presystemId
            self.chargingRequestId = chargingRequestId
            self.chargingProcessId = chargingProcessId
            self.processStatus = processStatus
            self.startTime = startTime
            self.chargingPredictionData = chargingPredictionData
            self.electricData = electricData
            self.deliveredEnergy = deliveredEnergy
        }
    }
}

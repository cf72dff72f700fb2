extension VDV463 {
    /// One charging request of a presystem (docs/vdv.md A6), keyed by (presystemId, `chargingRequestId`).
    public struct ChargingRequest: Codable, Equatable, Sendable {
        /// The key within the presystem.
        public var chargingRequestId: String
        /// The vehicle, as in VDV 261 (VIN).
        public var vehicleId: String
        /// Where to charge; absent lets Busbar choose.
        public var chargingPointId: String?
        /// The presystem's process id, stored and echoed.
        public var chargingProcessId: String?
        /// Upstream priority, passed to policies as `upstream_priority`.
        public var priority: Int?
        /// Targets and times.
        public var chargingRequestData: ChargingRequestData
        /// Preconditioning the vehicle plans itself.
        public var automaticPreconditioning: AutomaticPreconditioning?
        /// Preconditioning with fixed start times and powers.
        public var manualPreconditioning: ManualPreconditioning?
        /// 1.0.0 only: `Terminate` deletes the request. Not part of 2.0.0, so leave it nil unless speaking 1.0.0.
        public var chargingInstruction: ChargingInstruction?

        /// Every field; optional ones default to absent.
        public init(
            chargingRequestId: String,
            vehicleId: String,
            chargingPointId: String? = nil,
            chargingProcessId: String? = nil,
            priority: Int? = nil,
            chargingRequestData: ChargingRequestData,
            automaticPreconditioning: AutomaticPreconditioning? = nil,
            manualPreconditioning: ManualPreconditioning? = nil,
            chargingInstruction: ChargingInstruction? = nil
        ) {
            self.chargingRequestId = chargingRequestId
            self.vehicleId = vehicleId
            self.chargingPointId = chargingPointId
            self.chargingProcessId = chargingProcessId
            self.priority = priority
            self.chargingRequestData = chargingRequestData
            self.automaticPreconditioning = automaticPreconditioning
            self.manualPreconditioning = manualPreconditioning
            self.chargingInstruction = chargingInstruction
        }
    }
}

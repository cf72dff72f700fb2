extension VDV463 {
    /// One charging station (charger) of a depot.
    /// The 1.0.0 `chargingStationStatus` is ignored on decoding and never emitted.
    public struct ChargingStationInfo: Codable, Equatable, Sendable {
        /// From the depot config.
        public var chargingStationId: String
        /// The station's points (connectors).
        public var chargingPointInfoList: [ChargingPointInfo]
        /// The station's fault, e.g. `CommunicationFailure` when offline.
        public var chargingStationFaultInfo: ChargingStationFaultInfo?
        /// Power drawn from the grid, kW.
        public var totalPower: Double?

        /// Every field; optional ones default to absent.
        public init(
            chargingStationId: String,
            chargingPointInfoList: [ChargingPointInfo],
            chargingStationFaultInfo: ChargingStationFaultInfo? = nil,
            totalPower: Double? = nil
        ) {
            self.chargingStationId = chargingStationId
            self.chargingPointInfoList = chargingPointInfoList
            self.chargingStationFaultInfo = chargingStationFaultInfo
            self.totalPower = totalPower
        }
    }
}

extension VDV463 {
    /// What Busbar knows when judging a presystem's requests: the depot's points and the
    /// tenant's vehicles. Built by the adapter from the depot config; kept small so the diff stays pure.
    public struct ChargingRequestContext: Equatable, Sendable {
        /// Every `chargingPointId` Busbar has, whoever may use it.
        public var chargingPointIds: Set<String>
        /// The points this presystem's tenant may use (a subset of `chargingPointIds`).
        public var availableChargingPointIds: Set<String>
        /// The tenant's vehicles with master data.
        public var vehicleIds: Set<String>

        /// A context from the three sets.
        public init(chargingPointIds: Set<String>, availableChargingPointIds: Set<String>, vehicleIds: Set<String>) {
            self.chargingPointIds = chargingPointIds
            self.availableChargingPointIds = availableChargingPointIds
            self.vehicleIds = vehicleIds
        }
    }
}

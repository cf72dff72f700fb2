extension VDV463 {
    /// Why Busbar refuses a single charging request: the stable strings of docs/vdv.md A5, sent as
    /// `reason` in `rejectedChargingRequestInfoList`.
    public enum RefusalReason: String, Sendable, CaseIterable {
        /// The request names a point Busbar does not have.
        case unknownChargingPoint = "unknown chargingPointId"
        /// The point exists but belongs to another tenant.
        case pointNotAvailable = "point not available to this presystem"
        /// No master data to plan with.
        case unknownVehicle = "unknown vehicleId"
        /// The targets contradict each other.
        case minAboveMax = "minTargetSoc > maxTargetSoc"
        /// The vehicle would leave before it arrives.
        case departureBeforeArrival = "departure before arrival"
        /// The departure has already passed.
        case departureInThePast = "departure in the past"
    }
}

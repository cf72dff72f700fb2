public import Foundation

extension VDV261 {
    /// What Busbar has decided for a vehicle, from stored state only (the reply must not wait on
    /// upstream or the solver, docs/vdv.md B2).
    public struct Decision: Equatable, Sendable {
        /// Planned departure (`requestedTimeForDeparture` or `requestedFinishTime`).
        public var departure: Date?
        /// Whether the bus should precondition now (`prec_dsrd`), per the preconditioning policy.
        public var preconditioningDesired: Bool
        /// The climate mode of the charging request (`prec_hvac`).
        public var climateMode: VDV463.PreconditioningRequest?
        /// Ambient temperature, °C (`ambienttemp`).
        public var ambientTemperature: Double?
        /// Target state of charge, % (`target_soc`, V2 only).
        public var targetSoc: Double?

        /// A decision; everything but `preconditioningDesired` may be unknown.
        public init(
            departure: Date? = nil,
            preconditioningDesired: Bool,
            climateMode: VDV463.PreconditioningRequest? = nil,
            ambientTemperature: Double? = nil,
            targetSoc: Double? = nil
        ) {
            self.departure = departure
            self.preconditioningDesired = preconditioningDesired
            self.climateMode = climateMode
            self.ambientTemperature = ambientTemperature
            self.targetSoc = targetSoc
        }
    }
}

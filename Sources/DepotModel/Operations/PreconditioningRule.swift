public import Foundation

/// What the timetable asks for pre-conditioning, in the two forms VDV 463 knows.
public enum PreconditioningRule: Hashable, Codable, Sendable {
    /// The vehicle pre-conditions itself; Busbar decides the start through the `preconditioning`
    /// policy, within the requested window if one is given. `ambientTemperature` (°C) is what
    /// the upstream request says about the weather, passed to the policy and the vehicle.
    case automatic(mode: PreconditioningMode, requestedStart: Date?, requestedFinish: Date?, ambientTemperature: Double? = nil)
    /// Fixed start times and auxiliary powers: a non-battery load the solver must reserve from the
    /// start to departure.
    case manual(hvacStart: Date, systemStart: Date, hvacPower: Kilowatts, systemPower: Kilowatts)
}

public import Foundation

/// What the timetable asks for pre-conditioning, in the two forms VDV 463 knows.
public enum PreconditioningRule: Hashable, Codable, Sendable {
    /// The vehicle pre-conditions itself; Busbar decides the start through the `preconditioning`
    /// policy, within the requested window if one is given.
    case automatic(mode: PreconditioningMode, requestedStart: Date?, requestedFinish: Date?)
    /// Fixed start times and auxiliary powers: a non-battery load the solver must reserve from the
    /// start to departure.
    case manual(hvacStart: Date, systemStart: Date, hvacPower: Kilowatts, systemPower: Kilowatts)
}

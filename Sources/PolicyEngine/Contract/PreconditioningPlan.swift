public import DepotModel
public import Foundation

/// A `preconditioning` decision: when the vehicle conditions, in which mode, and the auxiliary
/// powers the solver must reserve (clamped to the vehicle's maximum).
public struct PreconditioningPlan: Codable, Sendable, Hashable {
    public var start: Date
    public var finish: Date
    public var mode: PreconditioningMode
    public var battery: Bool
    public var hvacKw: Kilowatts?
    public var batteryKw: Kilowatts?
    public var reason: String?

    public init(
        start: Date, finish: Date, mode: PreconditioningMode, battery: Bool = false, hvacKw: Kilowatts? = nil,
        batteryKw: Kilowatts? = nil, reason: String? = nil
    ) {
        self.start = start
        self.finish = finish
        self.mode = mode
        self.battery = battery
        self.hvacKw = hvacKw
        self.batteryKw = batteryKw
        self.reason = reason
    }
}

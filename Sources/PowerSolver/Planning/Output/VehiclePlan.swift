public import DepotModel
public import Foundation

/// One vehicle's plan and predictions (docs/solver.md §4).
public struct VehiclePlan: Hashable, Codable, Sendable, Identifiable {
    public let id: VehicleID
    /// Planned grid-side power per slot of the plan's grid (0 outside the vehicle's window).
    public let power: [Kilowatts]
    /// SoC at each slot boundary (count + 1 values); flat outside the window.
    public let stateOfCharge: [Percent]
    /// Battery-side energy the plan delivers (grid energy × η).
    public let deliveredEnergy: KilowattHours
    /// The SoC the plan reaches at departure (VDV 463 `predictedDepartureTimeSoc`).
    public let departureStateOfCharge: Percent
    /// When the trajectory reaches the min target, interpolated in its slot; nil if never.
    public let minTargetTime: Date?
    /// When the trajectory reaches the max target, interpolated in its slot; nil if never.
    public let maxTargetTime: Date?
    /// Trajectory points at the plan's breakpoints, at most 24 (`chargingProgressPredictionList`).
    public let progress: [ProgressPoint]
    public let shortfall: Shortfall
    /// Why the vehicle falls short, from the final min cut; empty when it does not.
    public let binding: [BindingConstraint]

    public init(
        id: VehicleID, power: [Kilowatts], stateOfCharge: [Percent], deliveredEnergy: KilowattHours, departureStateOfCharge: Percent,
        minTargetTime: Date?, maxTargetTime: Date?, progress: [ProgressPoint], shortfall: Shortfall,
        binding: [BindingConstraint]
    ) {
        self.id = id
        self.power = power
        self.stateOfCharge = stateOfCharge
        self.deliveredEnergy = deliveredEnergy
        self.departureStateOfCharge = departureStateOfCharge
        self.minTargetTime = minTargetTime
        self.maxTargetTime = maxTargetTime
        self.progress = progress
        self.shortfall = shortfall
        self.binding = binding
    }
}

public import DepotModel
public import Foundation

/// One point of the predicted SoC trajectory.
public struct ProgressPoint: Hashable, Codable, Sendable {
    public let time: Date
    public let stateOfCharge: Percent

    public init(time: Date, stateOfCharge: Percent) {
        self.time = time
        self.stateOfCharge = stateOfCharge
    }
}

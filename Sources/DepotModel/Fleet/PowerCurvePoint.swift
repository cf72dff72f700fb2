/// One point of a vehicle's SoC-dependent charging curve: above this SoC the battery accepts at
/// most `maxPower` (interpolated linearly to the next point).
public struct PowerCurvePoint: Hashable, Codable, Sendable {
    public let stateOfCharge: Percent
    public let maxPower: Kilowatts

    public init(stateOfCharge: Percent, maxPower: Kilowatts) {
        self.stateOfCharge = stateOfCharge
        self.maxPower = maxPower
    }
}

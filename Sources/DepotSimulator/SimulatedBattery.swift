/// The traction battery of a simulated bus: SoC rises with delivered energy and the accepted power
/// tapers near full, so simulated meter values look like a real DC session.
public struct SimulatedBattery: Hashable, Sendable {
    /// Usable capacity in kWh.
    public let capacityKWh: Double
    /// The most the battery accepts below `taperStartSoC`, in kW.
    public let maxPowerKW: Double
    /// Above this SoC (percent) the accepted power falls linearly to `floorPowerKW` at 100 %.
    public let taperStartSoC: Double
    public let floorPowerKW: Double
    /// Grid-to-battery efficiency.
    public let efficiency: Double
    public private(set) var stateOfCharge: Double

    public init(
        capacityKWh: Double, maxPowerKW: Double, stateOfCharge: Double, taperStartSoC: Double = 80, floorPowerKW: Double = 5,
        efficiency: Double = 0.93
    ) {
        self.capacityKWh = capacityKWh
        self.maxPowerKW = maxPowerKW
        self.stateOfCharge = min(100, max(0, stateOfCharge))
        self.taperStartSoC = taperStartSoC
        self.floorPowerKW = floorPowerKW
        self.efficiency = efficiency
    }

    /// The grid-side power the battery would draw now if the charger allowed everything.
    public var acceptedPowerKW: Double {
        if stateOfCharge >= 100 { return 0 }
        if stateOfCharge <= taperStartSoC { return maxPowerKW }
        let share = (100 - stateOfCharge) / (100 - taperStartSoC)
        return floorPowerKW + (maxPowerKW - floorPowerKW) * share
    }

    /// Charges for `seconds` under a charger limit and returns the grid-side energy drawn (kWh).
    /// The step is split into one-second pieces so the taper is followed closely.
    public mutating func charge(limitKW: Double, seconds: Double) -> Double {
        var drawn = 0.0
        var remaining = seconds
        while remaining > 0, stateOfCharge < 100 {
            let step = min(1, remaining)
            let power = max(0, min(limitKW, acceptedPowerKW))
            let gridEnergy = power * step / 3600
            drawn += gridEnergy
            stateOfCharge = min(100, stateOfCharge + gridEnergy * efficiency / capacityKWh * 100)
            remaining -= step
        }
        return drawn
    }
}

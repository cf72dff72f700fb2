public import DepotModel

/// A vehicle as policies see it (`session.vehicle`, `v.vehicle`).
public struct VehicleView: Codable, Sendable, Hashable {
    public var id: VehicleID
    public var vin: String?
    public var batteryKwh: KilowattHours
    public var maxKw: Kilowatts

    public init(id: VehicleID, vin: String? = nil, batteryKwh: KilowattHours, maxKw: Kilowatts) {
        self.id = id
        self.vin = vin
        self.batteryKwh = batteryKwh
        self.maxKw = maxKw
    }
}

/// The vehicle on a connector: the token it identifies with and its battery.
public struct PluggedVehicle: Hashable, Sendable {
    public var idToken: String
    public var battery: SimulatedBattery

    public init(idToken: String, battery: SimulatedBattery) {
        self.idToken = idToken
        self.battery = battery
    }
}

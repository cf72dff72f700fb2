/// The vehicle on a connector: the token it identifies with and its battery.
public struct PluggedVehicle: Hashable, Sendable {
    /// The RFID or MAC token the vehicle presents.
    public var idToken: String
    public var battery: SimulatedBattery

    /// A vehicle presenting `idToken` with `battery`.
    public init(idToken: String, battery: SimulatedBattery) {
        self.idToken = idToken
        self.battery = battery
    }
}

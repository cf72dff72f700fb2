/// The vehicle on a connector: the token it identifies with and its battery.
public struct PluggedVehicle: Hashable, Sendable {
    /// The RFID or MAC token the vehicle presents.
    public var idToken: String
    public var battery: SimulatedBattery
    /// Power the vehicle draws besides its battery, kW: pre-conditioning (heating, cooling,
    /// battery conditioning) while it asks for it. It comes first out of the charger's limit.
    public var auxiliaryLoadKW: Double = 0

    /// A vehicle presenting `idToken` with `battery`.
    public init(idToken: String, battery: SimulatedBattery) {
        self.idToken = idToken
        self.battery = battery
    }
}

/// The departures of a simulation so far, in the order they happened.
public actor DepartureLog {
    /// Every vehicle that left.
    public private(set) var departures: [VehicleDeparture] = []

    /// An empty log.
    public init() {}

    func record(_ departure: VehicleDeparture) { departures.append(departure) }
}

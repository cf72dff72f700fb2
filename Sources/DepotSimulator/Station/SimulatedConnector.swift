/// One connector of a simulated station and everything on it.
public struct SimulatedConnector: Hashable, Sendable {
    /// The state last reported (or to be reported) to the CSMS.
    public internal(set) var status: ConnectorStatus = .available
    /// The OCPP 1.6 error code while faulted.
    public internal(set) var errorCode: String?
    /// The vehicle plugged in, if any.
    public internal(set) var vehicle: PluggedVehicle?
    /// The running transaction, if any.
    public internal(set) var transaction: SimulatedTransaction?
    /// The reservation the connector honours, if any.
    public internal(set) var reservation: SimulatedReservation?
    /// False after ChangeAvailability Inoperative (applied once a running transaction ends).
    public internal(set) var operative = true
    /// The energy register, Wh.
    public internal(set) var registerWh: Double = 0
    /// The power drawn in the last step, kW.
    public internal(set) var powerKW: Double = 0
    /// A token accepted by RemoteStart that waits for the vehicle to plug in.
    var remoteStartToken: String?
    var remoteStartId: Int?
}

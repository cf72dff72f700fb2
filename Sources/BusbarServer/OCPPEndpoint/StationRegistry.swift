public import DepotModel
public import OCPP

/// The live connections by station identity. A second authenticated connection for a connected
/// station wins; the old socket is closed with 1008 and its waiting commands end (docs/ocpp.md §1 step 7).
public actor StationRegistry {
    private var connections: [ChargerID: StationConnection] = [:]

    public init() {}

    /// Registers a connection and returns the one it supersedes, if any.
    func attach(_ connection: StationConnection) -> StationConnection? {
        let previous = connections[connection.admission.identity]
        connections[connection.admission.identity] = connection
        return previous
    }

    /// Removes a connection unless a newer one of the same station has replaced it.
    /// - Returns: whether the station is now offline.
    @discardableResult
    func detach(_ connection: StationConnection) -> Bool {
        guard connections[connection.admission.identity] === connection else { return false }
        connections[connection.admission.identity] = nil
        return true
    }

    /// The negotiated OCPP version of a connected station.
    public func version(of station: ChargerID) -> OCPPVersion? { connections[station]?.admission.version }

    /// The stations connected now.
    public var connectedStations: [ChargerID] { connections.keys.sorted() }

    /// Sends a command to a connected station and waits for its outcome (the async command API
    /// the runtime and the REST API use).
    public func send(_ call: OutgoingCall, to station: ChargerID) async -> StationReply {
        guard let connection = connections[station] else { return .notConnected }
        return await connection.send(call)
    }
}

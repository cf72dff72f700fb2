import VDV

/// The live VDV 463 connections, one per presystem (vdv.md A2), and each presystem's committed
/// requests and refusals between its connections, so a reconnecting presystem's next list is
/// diffed against what it sent before.
actor PresystemRegistry {
    typealias Committed = (requests: [VDV463.ChargingRequest], rejections: [VDV463.RejectedChargingRequestInfo])

    private var connections: [String: PresystemConnection] = [:]
    private var committed: [String: Committed] = [:]

    /// Closes the presystem's current connection, if any (a second connection with the same
    /// credentials replaces the first), and returns the state the new connection starts from.
    func takeOver(_ presystemID: String) async -> Committed {
        if let previous = connections.removeValue(forKey: presystemID) {
            await previous.close(reason: "superseded by a new connection")
            committed[presystemID] = await previous.committed
        }
        return committed[presystemID] ?? ([], [])
    }

    /// Registers the presystem's new connection.
    func attach(_ connection: PresystemConnection) {
        connections[connection.scope.presystemID] = connection
    }

    /// Keeps the committed state of a connection that ended, unless a newer one replaced it.
    func detach(_ connection: PresystemConnection) async {
        let presystemID = connection.scope.presystemID
        guard connections[presystemID] === connection else { return }
        connections[presystemID] = nil
        committed[presystemID] = await connection.committed
    }
}

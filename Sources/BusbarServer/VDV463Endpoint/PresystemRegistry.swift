import VDV

/// The live VDV 463 connections, one per presystem (docs/vdv.md A2), and each presystem's committed
/// requests and refusals across its connections, so a reconnecting presystem's next list is
/// diffed against what it sent before and its refusals keep being reported.
actor PresystemRegistry {
    typealias Committed = (requests: [VDV463.ChargingRequest], rejections: [VDV463.RejectedChargingRequestInfo])

    private var connections: [String: PresystemConnection] = [:]
    private var committed: [String: Committed] = [:]

    /// Registers a presystem's new connection, made from its committed state, in one step, so two
    /// connections racing with the same credentials cannot both stay.
    /// - Returns: the new connection and the one it replaces, which the caller closes.
    func connect(
        _ presystemID: String, make: @Sendable (Committed) -> PresystemConnection
    ) -> (connection: PresystemConnection, replaced: PresystemConnection?) {
        let connection = make(committed[presystemID] ?? ([], []))
        let replaced = connections.updateValue(connection, forKey: presystemID)
        return (connection, replaced)
    }

    /// Keeps what a presystem's connection has just committed.
    func record(_ presystemID: String, _ state: Committed) {
        committed[presystemID] = state
    }

    /// Forgets a connection that ended, unless a newer one has replaced it.
    func detach(_ connection: PresystemConnection) {
        let presystemID = connection.scope.presystemID
        if connections[presystemID] === connection { connections[presystemID] = nil }
    }
}
